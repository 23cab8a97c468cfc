# The invoices app's own texts, in Arabic (see en.ftl).

app-name = الفواتير
nav-all = كل الفواتير
nav-new = فاتورة جديدة
nav-language = اللغة

list-title = الفواتير
list-search-label = البحث باسم العميل أو الرقم
list-search = بحث
list-empty = لا توجد فواتير.
list-no-match = لا توجد فواتير تطابق «{ $q }».

field-number = الرقم
field-customer = العميل
field-email = البريد الإلكتروني
field-amount = المبلغ
field-status = الحالة
field-due = تاريخ الاستحقاق
field-notes = ملاحظات
field-urgent = عاجلة
field-tags = الوسوم
field-items = البنود
field-attachment = المرفق
field-attachment-help = ملف PDF أو PNG لا يزيد حجمه على 1 MB
field-description = الوصف
field-quantity = الكمية
field-price = السعر

choice-pending = قيد الانتظار
choice-paid = مدفوعة
choice-billing = الفوترة
choice-support = الدعم
choice-consulting = الاستشارات

invoice-status-pending = قيد الانتظار
invoice-status-paid = مدفوعة
invoice-status-draft = مسودة

form-new-title = فاتورة جديدة
form-edit-title = تعديل { $number }
form-create = إنشاء الفاتورة
form-save-draft = حفظ كمسودة
form-save-changes = حفظ التغييرات
form-current-attachment = المرفق الحالي: { $name } (يبقى ما لم تختر ملفًا آخر).

invoice-number-format = استخدم INV- وأربعة أرقام، مثل INV-0001
invoice-customer-required = يُرجى إدخال اسم العميل
invoice-email-format = يُرجى إدخال عنوان بريد إلكتروني مثل name@example.com
invoice-items-required = يُرجى إضافة بند واحد على الأقل
item-description-required = يُرجى وصف البند
invoice-attachment-too-large = يُرجى اختيار ملف لا يزيد حجمه على 1 MB
invoice-number-taken = الرقم { $number } مستخدم بالفعل
invoice-gone = لم تعد هذه الفاتورة موجودة

flash-created = تم إنشاء الفاتورة { $number }
flash-saved = تم حفظ الفاتورة { $number }
flash-paid = تم وضع علامة مدفوعة
flash-deleted = تم حذف الفاتورة

show-none = لا يوجد
show-yes = نعم
show-no = لا
show-total = الإجمالي
show-edit = تعديل
show-mark-paid = وضع علامة مدفوعة
show-delete = حذف

page-failed-title = حدث خطأ ما
page-failed-message = يُرجى المحاولة مرة أخرى بعد قليل.
page-not-found-title = غير موجود
page-not-found-message = لا توجد صفحة أو فاتورة كهذه.
page-back = العودة إلى الفواتير
