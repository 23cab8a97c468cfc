# formaction: Russian (ru). Plural categories: one (1, 21, 31, ...), few (2–4, 22–24, ...),
# many (0, 5–20, 25–30, ...), other (fractions: "1,5 символа").

## Field errors: one message per error code.

error-required = Заполните это поле
error-too-short = Введите минимум { $min ->
    [one] { $min } символ
    [few] { $min } символа
    [many] { $min } символов
   *[other] { $min } символа
}
error-too-long = Можно ввести максимум { $max ->
    [one] { $max } символ
    [few] { $max } символа
    [many] { $max } символов
   *[other] { $max } символа
}
error-wrong-length = Введите ровно { $equal ->
    [one] { $equal } символ
    [few] { $equal } символа
    [many] { $equal } символов
   *[other] { $equal } символа
}
error-too-few = Выберите не менее { $min }
error-too-many = Выберите не более { $max }
error-wrong-count = Выберите ровно { $equal }
error-too-small = Значение должно быть не меньше { $min }
error-too-big = Значение должно быть не больше { $max }
error-not-greater = Значение должно быть больше { $min }
error-not-less = Значение должно быть меньше { $max }
error-invalid-email = Введите правильный адрес электронной почты
error-invalid-url = Введите правильный URL
error-invalid-format = Введите значение в нужном формате
error-missing-text = Значение должно содержать «{ $needle }»
error-forbidden-text = Значение не должно содержать «{ $needle }»
error-mismatch = Значение должно совпадать с полем «{ $other }»
error-control-character = Значение не должно содержать управляющих символов
error-invalid-integer = Введите целое число
error-invalid-number = Введите число
error-invalid-decimal = Введите число
error-out-of-range = Введите число от { $min } до { $max }
error-too-many-decimals = Можно указать максимум { $scale ->
    [one] { $scale } знак
    [few] { $scale } знака
    [many] { $scale } знаков
   *[other] { $scale } знака
} после запятой
error-invalid-boolean = Выберите «да» или «нет»
error-invalid-char = Введите один символ
error-invalid-choice = Выберите один из вариантов
error-invalid-date = Введите правильную дату
error-invalid-time = Введите правильное время
error-invalid-datetime = Введите правильные дату и время
error-expected-file = Выберите файл
error-expected-text = Введите текст, а не файл
error-file-type = Файлы этого типа не принимаются
error-file-content = Содержимое этого файла не соответствует его типу
error-file-too-large = Размер файла не должен превышать { $size }
error-invalid-index = Эта позиция в списке недопустима
error-invalid-ip = Введите правильный IP-адрес
error-already-sent = Эта форма уже была отправлена. Проверьте значения ниже и отправьте её ещё раз.
error-default = Недопустимое значение

## Labels the runtime writes into forms.

label-summary-title = Обнаружена проблема
label-select-placeholder = Выберите…
label-submit = Отправить
label-list-row = { $list } { $position }
label-remove-row = Удалить { $row }
label-add-row = Добавить строку в список «{ $list }»

## Headings of the refusal page, by HTTP status.

status-400 = Неверный запрос
status-403 = Доступ запрещён
status-404 = Не найдено
status-405 = Метод не разрешён
status-408 = Время ожидания запроса истекло
status-413 = Слишком большой запрос
status-415 = Неподдерживаемый тип данных
status-500 = Внутренняя ошибка сервера
status-503 = Сервис недоступен
status-other = Ошибка

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = не удаётся определить хост запроса: X-Forwarded-Host и Forwarded от прокси называют разные хосты
refusal-host-forwarded-schemes-differ = не удаётся определить схему запроса: X-Forwarded-Proto и Forwarded от прокси называют разные схемы
refusal-host-forwarded-not-ascii = не удаётся определить хост запроса: заголовок { $header } от прокси содержит не только ASCII
refusal-host-forwarded-empty-entry = не удаётся определить хост запроса: заголовок { $header } от прокси заканчивается пустой записью
refusal-host-forwarded-scheme-unknown = не удаётся определить схему запроса: схема от прокси — не http и не https
refusal-host-forwarded-malformed = не удаётся определить хост запроса: заголовок Forwarded от прокси некорректен
refusal-host-several = в запросе несколько заголовков Host
refusal-host-missing = в запросе нет заголовка Host
refusal-host-unknown-development = неизвестный хост `{ $host }`: без FORMACTION_ORIGIN обслуживаются только локальные хосты (localhost, *.localhost, 127.0.0.1, [::1]); укажите в FORMACTION_ORIGIN origin этого приложения
refusal-host-unknown = неизвестный хост `{ $host }`: это приложение не отвечает на такое имя

refusal-cross-origin-several = межсайтовый запрос отклонён: несколько заголовков { $header }
refusal-cross-origin-no-source = межсайтовый запрос отклонён: в запросе нет ни Origin, ни Referer
refusal-cross-origin-no-host = межсайтовый запрос отклонён: в запросе нет заголовка Host
refusal-cross-origin = межсайтовый запрос отклонён: { $header } не совпадает с этим сайтом

refusal-content-type-unreadable = нечитаемый тип содержимого
refusal-content-type-unsupported = неподдерживаемый тип содержимого `{ $content_type }`: отправьте application/x-www-form-urlencoded, multipart/form-data или application/json
refusal-content-type-unknown = неподдерживаемый тип содержимого `{ $content_type }`
refusal-content-type-missing = неподдерживаемый тип содержимого: в запросе нет Content-Type
refusal-content-encoding-unsupported = неподдерживаемый Content-Encoding `{ $encoding }`: отправьте тело запроса без сжатия

refusal-action-unknown = у этой страницы нет действия `{ $action }`
refusal-no-actions = у этой страницы нет действий
refusal-action-ambiguous = у этой страницы несколько действий: укажите одно через ?_action=<id>
refusal-intent-without-page = чтобы добавлять или удалять строки списка, нужна страница: отправьте форму на её страницу

refusal-body-too-large = тело запроса превышает лимит этого действия в { $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
}
refusal-body-unreadable = не удалось прочитать тело запроса
refusal-body-read-failed = не удалось прочитать тело запроса: { $cause }
refusal-busy = сервер сейчас получает слишком много отправок одновременно: попробуйте ещё раз чуть позже
refusal-once-token = одноразовый токен формы изменён или получен с другого сайта: перезагрузите страницу и отправьте форму снова
refusal-once-key = заголовок Idempotency-Key должен быть передан один раз и содержать от 1 до 255 видимых символов ASCII
refusal-once-running = Эта форма уже отправляется. Подождите немного, затем перезагрузите страницу.
refusal-once-unavailable = Сейчас не удалось отправить форму. Попробуйте ещё раз.

refusal-bound-missing = связанные аргументы этого действия отсутствуют
refusal-bound-malformed = связанные аргументы имеют неверный формат
refusal-bound-too-long = связанные аргументы слишком длинные: запечатанное значение может содержать максимум { $max ->
    [one] { $max } символ
    [few] { $max } символа
    [many] { $max } символов
   *[other] { $max } символа
}
refusal-bound-rejected = связанные аргументы были изменены, относятся к другому действию или запечатаны ключом, который больше не принимается
refusal-bound-expired = срок действия связанных аргументов истёк: перезагрузите страницу и попробуйте ещё раз
refusal-bound-undecodable = связанные аргументы имеют неожиданную структуру

refusal-too-many-fields = слишком много полей: лимит — { $limit }
refusal-too-many-files = слишком много файлов: лимит — { $limit }
refusal-field-too-large = значение `{ $name }` превышает лимит в { $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
}
refusal-file-too-large = файл в `{ $name }` превышает лимит в { $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
}
refusal-name-too-long = имя поля превышает лимит в { $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
} (оно начинается с `{ $start }`)
refusal-percent-encoding = неверное процентное кодирование в байте { $offset }
refusal-name-not-utf8-at = имя поля в байте { $offset } не является корректным UTF-8
refusal-name-not-utf8 = имя поля не является корректным UTF-8
refusal-value-not-utf8 = значение `{ $name }` не является корректным UTF-8
refusal-multipart-malformed = некорректное тело multipart: { $reason }
refusal-multipart-disposition-not-utf8 = некорректное тело multipart: Content-Disposition части `{ $name }` не является корректным UTF-8
refusal-multipart-disposition-not-utf8-unnamed = некорректное тело multipart: Content-Disposition одной из частей не является корректным UTF-8
refusal-multipart-ended-before-first-part = некорректное тело multipart: тело закончилось до первой части (совпадает ли разделитель с указанным в типе содержимого?)
refusal-multipart-no-closing-boundary = некорректное тело multipart: тело закончилось без завершающего разделителя
refusal-multipart-ended-in-part = некорректное тело multipart: тело закончилось внутри части `{ $name }`
refusal-multipart-ended-in-unnamed-part = некорректное тело multipart: тело закончилось внутри одной из частей
refusal-multipart-invalid-headers = некорректное тело multipart: заголовки одной из частей некорректны
refusal-multipart-part-without-name = некорректное тело multipart: у одной из частей нет имени в Content-Disposition
refusal-multipart-no-boundary = тип содержимого multipart без разделителя (boundary)
refusal-json-invalid = некорректный JSON: { $reason }
refusal-json-not-object = тело JSON должно быть объектом
refusal-json-too-deep = тело JSON превышает лимит вложенности в { $limit ->
    [one] { $limit } уровень
    [few] { $limit } уровня
    [many] { $limit } уровней
   *[other] { $limit } уровня
}

refusal-internal-error = На нашей стороне что-то пошло не так. Попробуйте ещё раз.
refusal-timeout = Запрос не был выполнен за { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
}. Попробуйте ещё раз.

## The enhancement script's own texts.

script-next-page-unavailable = Форма отправлена, но следующую страницу открыть не удалось.
script-answer-unreadable = Не удалось прочитать ответ сервера. Проверьте результат, прежде чем отправлять форму снова.
script-failed = Что-то пошло не так. Попробуйте ещё раз.
