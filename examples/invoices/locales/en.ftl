# The invoices app's own texts, in English. The runtime's texts (field errors, the error
# summary, refusals) come from formaction's catalogues; an id here with the same name would
# replace the shipped one.

app-name = Invoices
nav-all = All invoices
nav-new = New invoice
nav-language = Language

list-title = Invoices
list-search-label = Search by customer or number
list-search = Search
list-empty = No invoices.
list-no-match = No invoices match “{ $q }”.

field-number = Number
field-customer = Customer
field-email = Email
field-amount = Amount
field-status = Status
field-due = Due date
field-notes = Notes
field-urgent = Urgent
field-tags = Tags
field-items = Line items
field-attachment = Attachment
field-attachment-help = A PDF or PNG of at most 1 MB
field-description = Description
field-quantity = Quantity
field-price = Price

choice-pending = Pending
choice-paid = Paid
choice-billing = Billing
choice-support = Support
choice-consulting = Consulting

invoice-status-pending = pending
invoice-status-paid = paid
invoice-status-draft = draft

form-new-title = New invoice
form-edit-title = Edit { $number }
form-create = Create invoice
form-save-draft = Save draft
form-save-changes = Save changes
form-current-attachment = Current attachment: { $name } (kept unless you choose another file).

invoice-number-format = Use INV- and four digits, like INV-0001
invoice-customer-required = Enter the customer's name
invoice-email-format = Enter an email address like name@example.com
invoice-items-required = Add at least one line item
item-description-required = Describe the item
invoice-attachment-too-large = Choose a file of 1 MB or less
invoice-number-taken = { $number } is already taken
invoice-gone = This invoice no longer exists

flash-created = Invoice { $number } created
flash-saved = Invoice { $number } saved
flash-paid = Marked as paid
flash-deleted = Invoice deleted

show-none = none
show-yes = yes
show-no = no
show-total = Total
show-edit = Edit
show-mark-paid = Mark paid
show-delete = Delete

page-failed-title = Something went wrong
page-failed-message = Please try again in a moment.
page-not-found-title = Not found
page-not-found-message = There is no such page or invoice.
page-back = Back to the invoices
