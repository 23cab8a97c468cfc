# formaction: Hebrew (he), written right to left. Plural categories (CLDR 42 and later): one (1,
# and fractions below 1), two (2), other. Older CLDR data also has many (20, 30, ...), which
# falls back to other here. Instructions are impersonal ("יש להזין"), for women and men alike.
# A prefix before a number or a Latin word takes a maqaf: "מ־{ $min }", "ו־Forwarded".

## Field errors: one message per error code.

error-required = זהו שדה חובה
error-too-short = יש להזין לפחות { $min ->
    [one] תו אחד
    [two] שני תווים
   *[other] { $min } תווים
}
error-too-long = יש להזין עד { $max ->
    [one] תו אחד
    [two] שני תווים
   *[other] { $max } תווים
}
error-wrong-length = יש להזין בדיוק { $equal ->
    [one] תו אחד
    [two] שני תווים
   *[other] { $equal } תווים
}
error-too-few = יש לבחור לפחות { $min }
error-too-many = יש לבחור עד { $max }
error-wrong-count = יש לבחור בדיוק { $equal }
error-too-small = הערך חייב להיות { $min } לפחות
error-too-big = הערך חייב להיות { $max } לכל היותר
error-not-greater = הערך חייב להיות גדול מ־{ $min }
error-not-less = הערך חייב להיות קטן מ־{ $max }
error-invalid-email = יש להזין כתובת דוא״ל תקינה
error-invalid-url = יש להזין כתובת URL תקינה
error-invalid-format = יש להזין ערך בפורמט הנדרש
error-missing-text = הערך חייב לכלול את "{ $needle }"
error-forbidden-text = הערך לא יכול לכלול את "{ $needle }"
error-mismatch = הערך חייב להיות זהה לשדה "{ $other }"
error-control-character = הערך לא יכול לכלול תווי בקרה
error-invalid-integer = יש להזין מספר שלם
error-invalid-number = יש להזין מספר
error-invalid-decimal = יש להזין מספר
error-out-of-range = יש להזין מספר בין { $min } ל־{ $max }
error-too-many-decimals = אפשר להשתמש בעד { $scale ->
    [one] ספרה אחת
    [two] שתי ספרות
   *[other] { $scale } ספרות
} אחרי הנקודה העשרונית
error-invalid-boolean = יש לבחור כן או לא
error-invalid-char = יש להזין תו אחד בלבד
error-invalid-choice = יש לבחור אחת מהאפשרויות
error-invalid-date = יש להזין תאריך תקין
error-invalid-time = יש להזין שעה תקינה
error-invalid-datetime = יש להזין תאריך ושעה תקינים
error-expected-file = יש לבחור קובץ
error-expected-text = יש להזין טקסט ולא קובץ
error-file-type = סוג קובץ זה אינו מתקבל
error-file-content = תוכן הקובץ אינו תואם את סוגו
error-file-too-large = גודל הקובץ יכול להיות עד { $size }
error-invalid-index = המיקום הזה ברשימה אינו תקין
error-invalid-ip = יש להזין כתובת IP תקינה
error-already-sent = הטופס הזה כבר נשלח. יש לבדוק את הערכים שלמטה ולשלוח אותו שוב.
error-default = הערך הזה אינו תקין

## Labels the runtime writes into forms.

label-summary-title = יש בעיה
label-select-placeholder = בחירה…
label-submit = שליחה
label-list-row = { $list } { $position }
label-remove-row = הסרת { $row }
label-add-row = הוספת שורה לרשימה "{ $list }"

## Headings of the refusal page, by HTTP status.

status-400 = בקשה שגויה
status-403 = הגישה נדחתה
status-404 = לא נמצא
status-405 = השיטה אינה מותרת
status-408 = הזמן לבקשה הסתיים
status-413 = הבקשה גדולה מדי
status-415 = סוג המדיה אינו נתמך
status-500 = שגיאת שרת פנימית
status-503 = השירות אינו זמין
status-other = שגיאה

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = לא ניתן לקבוע את המארח של הבקשה: הכותרות X-Forwarded-Host ו־Forwarded של הפרוקסי מציינות מארחים שונים
refusal-host-forwarded-schemes-differ = לא ניתן לקבוע את הסכמה של הבקשה: הכותרות X-Forwarded-Proto ו־Forwarded של הפרוקסי מציינות סכמות שונות
refusal-host-forwarded-not-ascii = לא ניתן לקבוע את המארח של הבקשה: הכותרת { $header } של הפרוקסי אינה ASCII
refusal-host-forwarded-empty-entry = לא ניתן לקבוע את המארח של הבקשה: הכותרת { $header } של הפרוקסי מסתיימת ברשומה ריקה
refusal-host-forwarded-scheme-unknown = לא ניתן לקבוע את הסכמה של הבקשה: הסכמה של הפרוקסי אינה http ואינה https
refusal-host-forwarded-malformed = לא ניתן לקבוע את המארח של הבקשה: הכותרת Forwarded של הפרוקסי פגומה
refusal-host-several = לבקשה יש כמה כותרות Host
refusal-host-missing = לבקשה אין כותרת Host
refusal-host-unknown-development = מארח לא מוכר `{ $host }`: ללא FORMACTION_ORIGIN, רק מארחי loopback מקבלים מענה (localhost, *.localhost, 127.0.0.1, [::1]); יש להגדיר את FORMACTION_ORIGIN למקור של האפליקציה הזו
refusal-host-unknown = מארח לא מוכר `{ $host }`: האפליקציה הזו לא עונה לשם הזה

refusal-cross-origin-several = בקשה מאתר אחר נדחתה: כמה כותרות { $header }
refusal-cross-origin-no-source = בקשה מאתר אחר נדחתה: לבקשה אין Origin ואין Referer
refusal-cross-origin-no-host = בקשה מאתר אחר נדחתה: לבקשה אין כותרת Host
refusal-cross-origin = בקשה מאתר אחר נדחתה: { $header } לא תואם לאתר הזה

refusal-content-type-unreadable = סוג תוכן לא קריא
refusal-content-type-unsupported = סוג התוכן `{ $content_type }` אינו נתמך: יש לשלוח application/x-www-form-urlencoded, multipart/form-data או application/json
refusal-content-type-unknown = סוג התוכן `{ $content_type }` אינו נתמך
refusal-content-type-missing = סוג התוכן אינו נתמך: לבקשה אין Content-Type
refusal-content-encoding-unsupported = ה־Content-Encoding `{ $encoding }` אינו נתמך: יש לשלוח את גוף הבקשה ללא דחיסה

refusal-action-unknown = לדף הזה אין פעולה `{ $action }`
refusal-no-actions = לדף הזה אין פעולות
refusal-action-ambiguous = לדף הזה יש כמה פעולות: יש לציין אחת מהן עם ?_action=<id>
refusal-intent-without-page = הוספה או הסרה של שורות ברשימה דורשת דף: יש לשלוח את הטופס לדף שלו

refusal-body-too-large = גוף הבקשה חורג מהמגבלה של { $limit ->
    [one] בייט אחד
    [two] שני בייטים
   *[other] { $limit } בייטים
} שנקבעה לפעולה הזו
refusal-body-unreadable = לא ניתן היה לקרוא את גוף הבקשה
refusal-body-read-failed = לא ניתן היה לקרוא את גוף הבקשה: { $cause }
refusal-busy = השרת מקבל כרגע יותר מדי שליחות בבת אחת: אפשר לנסות שוב בעוד רגע
refusal-once-token = האסימון החד־פעמי של הטופס שונה או שהוא מאתר אחר: יש לטעון מחדש את הדף ולשלוח את הטופס שוב
refusal-once-key = יש לשלוח את הכותרת Idempotency-Key פעם אחת בלבד, עם 1 עד 255 תווי ASCII גלויים
refusal-once-running = הטופס הזה כבר נשלח כעת. יש להמתין רגע ואז לטעון מחדש את הדף.
refusal-once-unavailable = לא ניתן היה לשלוח את הטופס כרגע. אפשר לנסות שוב.

refusal-bound-missing = הארגומנטים המקושרים של הפעולה הזו חסרים
refusal-bound-malformed = הארגומנטים המקושרים פגומים
refusal-bound-too-long = הארגומנטים המקושרים ארוכים מדי: ערך חתום מכיל עד { $max ->
    [one] תו אחד
    [two] שני תווים
   *[other] { $max } תווים
}
refusal-bound-rejected = הארגומנטים המקושרים שונו, שייכים לפעולה אחרת או נחתמו במפתח שכבר אינו מתקבל
refusal-bound-expired = תוקף הארגומנטים המקושרים פג: יש לטעון מחדש את הדף ולנסות שוב
refusal-bound-undecodable = לארגומנטים המקושרים אין המבנה הצפוי

refusal-too-many-fields = יותר מדי שדות: המגבלה היא { $limit }
refusal-too-many-files = יותר מדי קבצים: המגבלה היא { $limit }
refusal-field-too-large = הערך של `{ $name }` חורג מהמגבלה של { $limit ->
    [one] בייט אחד
    [two] שני בייטים
   *[other] { $limit } בייטים
}
refusal-file-too-large = הקובץ ב־`{ $name }` חורג מהמגבלה של { $limit ->
    [one] בייט אחד
    [two] שני בייטים
   *[other] { $limit } בייטים
}
refusal-name-too-long = שם של שדה חורג מהמגבלה של { $limit ->
    [one] בייט אחד
    [two] שני בייטים
   *[other] { $limit } בייטים
} (הוא מתחיל ב־`{ $start }`)
refusal-percent-encoding = קידוד אחוזים לא תקין בבייט { $offset }
refusal-name-not-utf8-at = שם השדה בבייט { $offset } אינו UTF-8 תקין
refusal-name-not-utf8 = שם של שדה אינו UTF-8 תקין
refusal-value-not-utf8 = הערך של `{ $name }` אינו UTF-8 תקין
refusal-multipart-malformed = גוף multipart פגום: { $reason }
refusal-multipart-disposition-not-utf8 = גוף multipart פגום: ה־Content-Disposition של החלק `{ $name }` אינו UTF-8 תקין
refusal-multipart-disposition-not-utf8-unnamed = גוף multipart פגום: ה־Content-Disposition של אחד החלקים אינו UTF-8 תקין
refusal-multipart-ended-before-first-part = גוף multipart פגום: הגוף מסתיים לפני החלק הראשון (האם המפריד הוא זה שבסוג התוכן?)
refusal-multipart-no-closing-boundary = גוף multipart פגום: הגוף מסתיים בלי המפריד הסוגר
refusal-multipart-ended-in-part = גוף multipart פגום: הגוף מסתיים באמצע החלק `{ $name }`
refusal-multipart-ended-in-unnamed-part = גוף multipart פגום: הגוף מסתיים באמצע אחד החלקים
refusal-multipart-invalid-headers = גוף multipart פגום: הכותרות של אחד החלקים אינן תקינות
refusal-multipart-part-without-name = גוף multipart פגום: לאחד החלקים אין שם ב־Content-Disposition שלו
refusal-multipart-no-boundary = סוג תוכן multipart ללא מפריד (boundary)
refusal-json-invalid = JSON לא תקין: { $reason }
refusal-json-not-object = גוף ה־JSON חייב להיות אובייקט
refusal-json-too-deep = גוף ה־JSON מקונן לעומק שחורג מהמגבלה של { $limit ->
    [one] רמה אחת
    [two] שתי רמות
   *[other] { $limit } רמות
}

refusal-internal-error = משהו השתבש אצלנו. נא לנסות שוב.
refusal-timeout = הבקשה לא הושלמה תוך { $seconds ->
    [one] { $seconds } שנייה
    [two] שתי שניות
   *[other] { $seconds } שניות
}. נא לנסות שוב.

## The enhancement script's own texts.

script-next-page-unavailable = הטופס נשלח, אבל לא ניתן היה לפתוח את הדף הבא.
script-answer-unreadable = לא ניתן היה לקרוא את התשובה של השרת. כדאי לבדוק לפני ששולחים שוב.
script-failed = משהו השתבש. נא לנסות שוב.
