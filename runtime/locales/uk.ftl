# formaction: Ukrainian (uk). Plural categories: one (1, 21, 31, ...), few (2–4, 22–24, ...),
# many (0, 5–20, 25–30, ...), other (fractions: "1,5 символу").

## Field errors: one message per error code.

error-required = Заповніть це поле
error-too-short = Введіть щонайменше { $min ->
    [one] { $min } символ
    [few] { $min } символи
    [many] { $min } символів
   *[other] { $min } символу
}
error-too-long = Можна ввести щонайбільше { $max ->
    [one] { $max } символ
    [few] { $max } символи
    [many] { $max } символів
   *[other] { $max } символу
}
error-wrong-length = Введіть рівно { $equal ->
    [one] { $equal } символ
    [few] { $equal } символи
    [many] { $equal } символів
   *[other] { $equal } символу
}
error-too-few = Виберіть щонайменше { $min }
error-too-many = Виберіть щонайбільше { $max }
error-wrong-count = Виберіть рівно { $equal }
error-too-small = Значення має бути не менше ніж { $min }
error-too-big = Значення має бути не більше ніж { $max }
error-not-greater = Значення має бути більше ніж { $min }
error-not-less = Значення має бути менше ніж { $max }
error-invalid-email = Введіть правильну адресу електронної пошти
error-invalid-url = Введіть правильну URL-адресу
error-invalid-format = Введіть значення в очікуваному форматі
error-missing-text = Значення має містити «{ $needle }»
error-forbidden-text = Значення не повинно містити «{ $needle }»
error-mismatch = Значення має збігатися з полем «{ $other }»
error-control-character = Значення не повинно містити керівних символів
error-invalid-integer = Введіть ціле число
error-invalid-number = Введіть число
error-invalid-decimal = Введіть число
error-out-of-range = Введіть число від { $min } до { $max }
error-too-many-decimals = Можна вказати щонайбільше { $scale ->
    [one] { $scale } знак
    [few] { $scale } знаки
    [many] { $scale } знаків
   *[other] { $scale } знака
} після коми
error-invalid-boolean = Виберіть «так» або «ні»
error-invalid-char = Введіть один символ
error-invalid-choice = Виберіть один із варіантів
error-invalid-date = Введіть правильну дату
error-invalid-time = Введіть правильний час
error-invalid-datetime = Введіть правильні дату й час
error-expected-file = Виберіть файл
error-expected-text = Введіть текст, а не файл
error-file-type = Файли цього типу не приймаються
error-file-content = Вміст цього файлу не відповідає його типу
error-file-too-large = Розмір файлу не має перевищувати { $size }
error-invalid-index = Ця позиція у списку неприпустима
error-invalid-ip = Введіть правильну IP-адресу
error-already-sent = Цю форму вже було надіслано. Перевірте значення нижче й надішліть її ще раз.
error-default = Неприпустиме значення

## Labels the runtime writes into forms.

label-summary-title = Виявлено проблему
label-select-placeholder = Виберіть…
label-submit = Надіслати
label-list-row = { $list } { $position }
label-remove-row = Видалити { $row }
label-add-row = Додати рядок до списку «{ $list }»

## Headings of the refusal page, by HTTP status.

status-400 = Неправильний запит
status-403 = Доступ заборонено
status-404 = Не знайдено
status-405 = Метод не дозволено
status-408 = Час очікування запиту минув
status-413 = Завеликий запит
status-415 = Непідтримуваний тип даних
status-500 = Внутрішня помилка сервера
status-503 = Сервіс недоступний
status-other = Помилка

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = не вдається визначити хост запиту: X-Forwarded-Host і Forwarded від проксі називають різні хости
refusal-host-forwarded-schemes-differ = не вдається визначити схему запиту: X-Forwarded-Proto і Forwarded від проксі називають різні схеми
refusal-host-forwarded-not-ascii = не вдається визначити хост запиту: заголовок { $header } від проксі містить не лише ASCII
refusal-host-forwarded-empty-entry = не вдається визначити хост запиту: заголовок { $header } від проксі закінчується порожнім записом
refusal-host-forwarded-scheme-unknown = не вдається визначити схему запиту: схема від проксі — не http і не https
refusal-host-forwarded-malformed = не вдається визначити хост запиту: заголовок Forwarded від проксі некоректний
refusal-host-several = у запиті кілька заголовків Host
refusal-host-missing = у запиті немає заголовка Host
refusal-host-unknown-development = невідомий хост `{ $host }`: без FORMACTION_ORIGIN обслуговуються лише локальні хости (localhost, *.localhost, 127.0.0.1, [::1]); укажіть у FORMACTION_ORIGIN origin цього застосунку
refusal-host-unknown = невідомий хост `{ $host }`: цей застосунок не відповідає на таке ім’я

refusal-cross-origin-several = міжсайтовий запит відхилено: кілька заголовків { $header }
refusal-cross-origin-no-source = міжсайтовий запит відхилено: у запиті немає ні Origin, ні Referer
refusal-cross-origin-no-host = міжсайтовий запит відхилено: у запиті немає заголовка Host
refusal-cross-origin = міжсайтовий запит відхилено: { $header } не збігається з цим сайтом

refusal-content-type-unreadable = нечитабельний тип вмісту
refusal-content-type-unsupported = непідтримуваний тип вмісту `{ $content_type }`: надішліть application/x-www-form-urlencoded, multipart/form-data або application/json
refusal-content-type-unknown = непідтримуваний тип вмісту `{ $content_type }`
refusal-content-type-missing = непідтримуваний тип вмісту: у запиті немає Content-Type
refusal-content-encoding-unsupported = непідтримуваний Content-Encoding `{ $encoding }`: надішліть тіло запиту без стиснення

refusal-action-unknown = ця сторінка не має дії `{ $action }`
refusal-no-actions = ця сторінка не має дій
refusal-action-ambiguous = ця сторінка має кілька дій: укажіть одну через ?_action=<id>
refusal-intent-without-page = щоб додавати чи видаляти рядки списку, потрібна сторінка: надішліть форму на її сторінку

refusal-body-too-large = тіло запиту перевищує ліміт цієї дії, що становить { $limit ->
    [one] { $limit } байт
    [few] { $limit } байти
    [many] { $limit } байтів
   *[other] { $limit } байта
}
refusal-body-unreadable = не вдалося прочитати тіло запиту
refusal-body-read-failed = не вдалося прочитати тіло запиту: { $cause }
refusal-busy = сервер зараз отримує забагато надсилань одночасно: спробуйте ще раз трохи згодом
refusal-once-token = одноразовий токен форми змінено або він походить з іншого сайту: перезавантажте сторінку й надішліть форму знову
refusal-once-key = заголовок Idempotency-Key має бути переданий один раз і містити від 1 до 255 видимих символів ASCII
refusal-once-running = Ця форма вже надсилається. Зачекайте трохи, потім перезавантажте сторінку.
refusal-once-unavailable = Зараз не вдалося надіслати форму. Спробуйте ще раз.

refusal-bound-missing = зв’язані аргументи цієї дії відсутні
refusal-bound-malformed = зв’язані аргументи мають неправильний формат
refusal-bound-too-long = зв’язані аргументи задовгі: запечатане значення може містити щонайбільше { $max ->
    [one] { $max } символ
    [few] { $max } символи
    [many] { $max } символів
   *[other] { $max } символу
}
refusal-bound-rejected = зв’язані аргументи було змінено, вони належать іншій дії або запечатані ключем, який більше не приймається
refusal-bound-expired = термін дії зв’язаних аргументів минув: перезавантажте сторінку й спробуйте ще раз
refusal-bound-undecodable = зв’язані аргументи мають неочікувану структуру

refusal-too-many-fields = забагато полів: ліміт — { $limit }
refusal-too-many-files = забагато файлів: ліміт — { $limit }
refusal-field-too-large = значення `{ $name }` перевищує ліміт, що становить { $limit ->
    [one] { $limit } байт
    [few] { $limit } байти
    [many] { $limit } байтів
   *[other] { $limit } байта
}
refusal-file-too-large = файл у `{ $name }` перевищує ліміт, що становить { $limit ->
    [one] { $limit } байт
    [few] { $limit } байти
    [many] { $limit } байтів
   *[other] { $limit } байта
}
refusal-name-too-long = ім’я поля перевищує ліміт, що становить { $limit ->
    [one] { $limit } байт
    [few] { $limit } байти
    [many] { $limit } байтів
   *[other] { $limit } байта
} (воно починається з `{ $start }`)
refusal-percent-encoding = неправильне відсоткове кодування в байті { $offset }
refusal-name-not-utf8-at = ім’я поля в байті { $offset } не є коректним UTF-8
refusal-name-not-utf8 = ім’я поля не є коректним UTF-8
refusal-value-not-utf8 = значення `{ $name }` не є коректним UTF-8
refusal-multipart-malformed = некоректне тіло multipart: { $reason }
refusal-multipart-disposition-not-utf8 = некоректне тіло multipart: Content-Disposition частини `{ $name }` не є коректним UTF-8
refusal-multipart-disposition-not-utf8-unnamed = некоректне тіло multipart: Content-Disposition однієї з частин не є коректним UTF-8
refusal-multipart-ended-before-first-part = некоректне тіло multipart: тіло закінчилося до першої частини (чи збігається роздільник із зазначеним у типі вмісту?)
refusal-multipart-no-closing-boundary = некоректне тіло multipart: тіло закінчилося без завершального роздільника
refusal-multipart-ended-in-part = некоректне тіло multipart: тіло закінчилося всередині частини `{ $name }`
refusal-multipart-ended-in-unnamed-part = некоректне тіло multipart: тіло закінчилося всередині однієї з частин
refusal-multipart-invalid-headers = некоректне тіло multipart: заголовки однієї з частин некоректні
refusal-multipart-part-without-name = некоректне тіло multipart: одна з частин не має імені в Content-Disposition
refusal-multipart-no-boundary = тип вмісту multipart без роздільника (boundary)
refusal-json-invalid = некоректний JSON: { $reason }
refusal-json-not-object = тіло JSON має бути об’єктом
refusal-json-too-deep = тіло JSON перевищує ліміт вкладеності, що становить { $limit ->
    [one] { $limit } рівень
    [few] { $limit } рівні
    [many] { $limit } рівнів
   *[other] { $limit } рівня
}

refusal-internal-error = На нашому боці щось пішло не так. Спробуйте ще раз.
refusal-timeout = Запит не було виконано за { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
    [many] { $seconds } секунд
   *[other] { $seconds } секунди
}. Спробуйте ще раз.

## The enhancement script's own texts.

script-next-page-unavailable = Форму надіслано, але наступну сторінку не вдалося відкрити.
script-answer-unreadable = Не вдалося прочитати відповідь сервера. Перевірте результат, перш ніж надсилати форму знову.
script-failed = Щось пішло не так. Спробуйте ще раз.
