# formaction: Arabic (ar), written right to left. Plural categories: zero (0), one (1), two (2),
# few (3–10, 103–110, ...), many (11–99, 111–199, ...), other (100, 101, 102, fractions).
# One and two are written in words ("حرف واحد", "حرفين"), without the number.
# Instructions use "يُرجى" with a verbal noun, which addresses women and men alike.

## Field errors: one message per error code.

error-required = هذا الحقل مطلوب
error-too-short = يُرجى إدخال { $min ->
    [zero] { $min } حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $min } أحرف
    [many] { $min } حرفًا
   *[other] { $min } حرف
} على الأقل
error-too-long = يُرجى إدخال { $max ->
    [zero] { $max } حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
} على الأكثر
error-wrong-length = يُرجى إدخال { $equal ->
    [zero] { $equal } حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $equal } أحرف
    [many] { $equal } حرفًا
   *[other] { $equal } حرف
} بالضبط
error-too-few = يُرجى اختيار { $min ->
    [zero] { $min } عنصر
    [one] عنصر واحد
    [two] عنصرين
    [few] { $min } عناصر
    [many] { $min } عنصرًا
   *[other] { $min } عنصر
} على الأقل
error-too-many = يُرجى اختيار { $max ->
    [zero] { $max } عنصر
    [one] عنصر واحد
    [two] عنصرين
    [few] { $max } عناصر
    [many] { $max } عنصرًا
   *[other] { $max } عنصر
} على الأكثر
error-wrong-count = يُرجى اختيار { $equal ->
    [zero] { $equal } عنصر
    [one] عنصر واحد
    [two] عنصرين
    [few] { $equal } عناصر
    [many] { $equal } عنصرًا
   *[other] { $equal } عنصر
} بالضبط
error-too-small = يجب ألا تقل القيمة عن { $min }
error-too-big = يجب ألا تزيد القيمة على { $max }
error-not-greater = يجب أن تكون القيمة أكبر من { $min }
error-not-less = يجب أن تكون القيمة أصغر من { $max }
error-invalid-email = يُرجى إدخال عنوان بريد إلكتروني صالح
error-invalid-url = يُرجى إدخال عنوان URL صالح
error-invalid-format = يُرجى إدخال قيمة بالتنسيق المطلوب
error-missing-text = يجب أن تحتوي القيمة على «{ $needle }»
error-forbidden-text = يجب ألا تحتوي القيمة على «{ $needle }»
error-mismatch = يجب أن تطابق القيمة «{ $other }»
error-control-character = يجب ألا تحتوي القيمة على أحرف تحكم
error-invalid-integer = يُرجى إدخال عدد صحيح
error-invalid-number = يُرجى إدخال رقم
error-invalid-decimal = يُرجى إدخال رقم
error-out-of-range = يُرجى إدخال رقم من { $min } إلى { $max }
error-too-many-decimals = يُرجى استخدام { $scale ->
    [zero] { $scale } منزلة عشرية
    [one] منزلة عشرية واحدة
    [two] منزلتين عشريتين
    [few] { $scale } منازل عشرية
    [many] { $scale } منزلة عشرية
   *[other] { $scale } منزلة عشرية
} على الأكثر
error-invalid-boolean = يُرجى اختيار نعم أو لا
error-invalid-char = يُرجى إدخال حرف واحد فقط
error-invalid-choice = يُرجى اختيار أحد الخيارات
error-invalid-date = يُرجى إدخال تاريخ صحيح
error-invalid-time = يُرجى إدخال وقت صحيح
error-invalid-datetime = يُرجى إدخال تاريخ ووقت صحيحين
error-expected-file = يُرجى اختيار ملف
error-expected-text = يُرجى إدخال نص، لا ملف
error-file-type = هذا النوع من الملفات غير مقبول
error-file-content = محتوى هذا الملف لا يطابق نوعه
error-file-too-large = يجب ألا يتجاوز حجم الملف { $size }
error-invalid-index = موضع القائمة هذا غير صالح
error-invalid-ip = يُرجى إدخال عنوان IP صالح
error-already-sent = سبق إرسال هذا النموذج. تحقّق من القيم أدناه ثم أرسله مرة أخرى.
error-default = هذه القيمة غير صالحة

## Labels the runtime writes into forms.

label-summary-title = توجد مشكلة
label-select-placeholder = يُرجى الاختيار…
label-submit = إرسال
label-list-row = { $list } { $position }
label-remove-row = إزالة { $row }
label-add-row = إضافة صف إلى { $list }

## Headings of the refusal page, by HTTP status.

status-400 = طلب غير صالح
status-403 = الوصول ممنوع
status-404 = غير موجود
status-405 = طريقة غير مسموح بها
status-408 = انتهت مهلة الطلب
status-413 = الطلب كبير جدًا
status-415 = نوع وسائط غير مدعوم
status-500 = خطأ داخلي في الخادم
status-503 = الخدمة غير متاحة
status-other = خطأ

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = تعذّر تحديد مضيف الطلب: يذكر X-Forwarded-Host وForwarded من الوكيل مضيفين مختلفين
refusal-host-forwarded-schemes-differ = تعذّر تحديد مخطط الطلب: يذكر X-Forwarded-Proto وForwarded من الوكيل مخططين مختلفين
refusal-host-forwarded-not-ascii = تعذّر تحديد مضيف الطلب: ترويسة { $header } من الوكيل ليست ASCII
refusal-host-forwarded-empty-entry = تعذّر تحديد مضيف الطلب: ترويسة { $header } من الوكيل تنتهي بإدخال فارغ
refusal-host-forwarded-scheme-unknown = تعذّر تحديد مخطط الطلب: المخطط الذي يذكره الوكيل ليس http ولا https
refusal-host-forwarded-malformed = تعذّر تحديد مضيف الطلب: ترويسة Forwarded من الوكيل مشوّهة
refusal-host-several = يحتوي الطلب على عدة ترويسات Host
refusal-host-missing = لا يحتوي الطلب على ترويسة Host
refusal-host-unknown-development = مضيف غير معروف `{ $host }`: بدون FORMACTION_ORIGIN لا تُخدم إلا مضيفات الاسترجاع (localhost، *.localhost، 127.0.0.1، [::1])؛ يُرجى تعيين FORMACTION_ORIGIN إلى أصل هذا التطبيق
refusal-host-unknown = مضيف غير معروف `{ $host }`: هذا التطبيق لا يستجيب لهذا الاسم

refusal-cross-origin-several = رُفض طلب من موقع آخر: عدة ترويسات { $header }
refusal-cross-origin-no-source = رُفض طلب من موقع آخر: لا يحتوي الطلب على Origin ولا Referer
refusal-cross-origin-no-host = رُفض طلب من موقع آخر: لا يحتوي الطلب على ترويسة Host
refusal-cross-origin = رُفض طلب من موقع آخر: { $header } لا يطابق هذا الموقع

refusal-content-type-unreadable = نوع محتوى غير مقروء
refusal-content-type-unsupported = نوع محتوى غير مدعوم `{ $content_type }`: يُرجى الإرسال بصيغة application/x-www-form-urlencoded أو multipart/form-data أو application/json
refusal-content-type-unknown = نوع محتوى غير مدعوم `{ $content_type }`
refusal-content-type-missing = نوع محتوى غير مدعوم: لا يحتوي الطلب على Content-Type
refusal-content-encoding-unsupported = ترميز Content-Encoding غير مدعوم `{ $encoding }`: يُرجى إرسال المتن دون ضغط

refusal-action-unknown = لا تحتوي هذه الصفحة على الإجراء `{ $action }`
refusal-no-actions = لا تحتوي هذه الصفحة على أي إجراء
refusal-action-ambiguous = تحتوي هذه الصفحة على عدة إجراءات: يُرجى تحديد أحدها باستخدام ?_action=<id>
refusal-intent-without-page = تتطلب إضافة صفوف القائمة أو إزالتها صفحة: يُرجى إرسال النموذج إلى صفحته

refusal-body-too-large = متن الطلب أكبر من الحد المسموح به لهذا الإجراء، وهو { $limit ->
    [zero] { $limit } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $limit } بايتات
    [many] { $limit } بايتًا
   *[other] { $limit } بايت
}
refusal-body-unreadable = تعذّرت قراءة متن الطلب
refusal-body-read-failed = تعذّرت قراءة متن الطلب: { $cause }
refusal-busy = يستقبل الخادم عددًا كبيرًا جدًا من الإرسالات في الوقت نفسه: يُرجى المحاولة مرة أخرى بعد قليل
refusal-once-token = تم تغيير الرمز المؤقت للنموذج أو أنه من موقع آخر: أعد تحميل الصفحة ثم أرسل النموذج مجددًا
refusal-once-key = يجب إرسال الترويسة Idempotency-Key مرة واحدة، بطول من 1 إلى 255 حرفًا مرئيًا من ASCII
refusal-once-running = يجري إرسال هذا النموذج بالفعل. انتظر قليلًا ثم أعد تحميل الصفحة.
refusal-once-unavailable = تعذّر إرسال النموذج الآن. يُرجى المحاولة مرة أخرى.

refusal-bound-missing = الوسائط المرتبطة بهذا الإجراء مفقودة
refusal-bound-malformed = الوسائط المرتبطة مشوّهة
refusal-bound-too-long = الوسائط المرتبطة طويلة جدًا: الحد الأقصى للقيمة المختومة { $max ->
    [zero] { $max } حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}
refusal-bound-rejected = غُيّرت الوسائط المرتبطة، أو أنها تخص إجراءً آخر، أو خُتمت بمفتاح لم يعد مقبولًا
refusal-bound-expired = انتهت صلاحية الوسائط المرتبطة: يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى
refusal-bound-undecodable = الوسائط المرتبطة ليست بالشكل المتوقع

refusal-too-many-fields = عدد الحقول كبير جدًا: الحد هو { $limit }
refusal-too-many-files = عدد الملفات كبير جدًا: الحد هو { $limit }
refusal-field-too-large = قيمة `{ $name }` أكبر من الحد المسموح به، وهو { $limit ->
    [zero] { $limit } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $limit } بايتات
    [many] { $limit } بايتًا
   *[other] { $limit } بايت
}
refusal-file-too-large = الملف في `{ $name }` أكبر من الحد المسموح به، وهو { $limit ->
    [zero] { $limit } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $limit } بايتات
    [many] { $limit } بايتًا
   *[other] { $limit } بايت
}
refusal-name-too-long = اسم حقل أطول من الحد المسموح به، وهو { $limit ->
    [zero] { $limit } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $limit } بايتات
    [many] { $limit } بايتًا
   *[other] { $limit } بايت
} (يبدأ بـ `{ $start }`)
refusal-percent-encoding = ترميز بالنسبة المئوية غير صالح عند البايت { $offset }
refusal-name-not-utf8-at = اسم الحقل عند البايت { $offset } ليس UTF-8 صالحًا
refusal-name-not-utf8 = اسم حقل ليس UTF-8 صالحًا
refusal-value-not-utf8 = قيمة `{ $name }` ليست UTF-8 صالحًا
refusal-multipart-malformed = متن multipart مشوّه: { $reason }
refusal-multipart-disposition-not-utf8 = متن multipart مشوّه: ترويسة Content-Disposition للجزء `{ $name }` ليست UTF-8 صالحًا
refusal-multipart-disposition-not-utf8-unnamed = متن multipart مشوّه: ترويسة Content-Disposition لأحد الأجزاء ليست UTF-8 صالحًا
refusal-multipart-ended-before-first-part = متن multipart مشوّه: انتهى المتن قبل الجزء الأول (هل الفاصل هو نفسه الوارد في نوع المحتوى؟)
refusal-multipart-no-closing-boundary = متن multipart مشوّه: انتهى المتن دون الفاصل الختامي
refusal-multipart-ended-in-part = متن multipart مشوّه: انتهى المتن في منتصف الجزء `{ $name }`
refusal-multipart-ended-in-unnamed-part = متن multipart مشوّه: انتهى المتن في منتصف أحد الأجزاء
refusal-multipart-invalid-headers = متن multipart مشوّه: ترويسات أحد الأجزاء غير صالحة
refusal-multipart-part-without-name = متن multipart مشوّه: أحد الأجزاء بلا اسم في ترويسة Content-Disposition الخاصة به
refusal-multipart-no-boundary = نوع محتوى multipart بلا فاصل (boundary)
refusal-json-invalid = JSON غير صالح: { $reason }
refusal-json-not-object = يجب أن يكون متن JSON كائنًا
refusal-json-too-deep = متن JSON متداخل بعمق يتجاوز الحد المسموح به، وهو { $limit ->
    [zero] { $limit } مستوى
    [one] مستوى واحد
    [two] مستويان
    [few] { $limit } مستويات
    [many] { $limit } مستوى
   *[other] { $limit } مستوى
}

refusal-internal-error = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.
refusal-timeout = لم يكتمل الطلب خلال { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}. يُرجى المحاولة مرة أخرى.

## The enhancement script's own texts.

script-next-page-unavailable = أُرسل النموذج، لكن تعذّر فتح الصفحة التالية.
script-answer-unreadable = تعذّرت قراءة رد الخادم. يُرجى التحقق قبل الإرسال مرة أخرى.
script-failed = حدث خطأ ما. يُرجى المحاولة مرة أخرى.
