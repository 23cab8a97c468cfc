# formaction: Polish (pl). Plural categories: one (1), few (2–4, 22–24, ...), many (0, 5–21,
# 25–31, ...), other (fractions: "1,5 znaku").

## Field errors: one message per error code.

error-required = To pole jest wymagane
error-too-short = Wpisz co najmniej { $min ->
    [one] { $min } znak
    [few] { $min } znaki
    [many] { $min } znaków
   *[other] { $min } znaku
}
error-too-long = Wpisz nie więcej niż { $max ->
    [one] { $max } znak
    [few] { $max } znaki
    [many] { $max } znaków
   *[other] { $max } znaku
}
error-wrong-length = Wpisz dokładnie { $equal ->
    [one] { $equal } znak
    [few] { $equal } znaki
    [many] { $equal } znaków
   *[other] { $equal } znaku
}
error-too-few = Wybierz co najmniej { $min }
error-too-many = Wybierz nie więcej niż { $max }
error-wrong-count = Wybierz dokładnie { $equal }
error-too-small = Wartość musi wynosić co najmniej { $min }
error-too-big = Wartość może wynosić najwyżej { $max }
error-not-greater = Wartość musi być większa niż { $min }
error-not-less = Wartość musi być mniejsza niż { $max }
error-invalid-email = Wpisz prawidłowy adres e-mail
error-invalid-url = Wpisz prawidłowy adres URL
error-invalid-format = Wpisz wartość w oczekiwanym formacie
error-missing-text = Wartość musi zawierać „{ $needle }”
error-forbidden-text = Wartość nie może zawierać „{ $needle }”
error-mismatch = Wartość musi być taka sama jak w polu „{ $other }”
error-control-character = Wartość nie może zawierać znaków sterujących
error-invalid-integer = Wpisz liczbę całkowitą
error-invalid-number = Wpisz liczbę
error-invalid-decimal = Wpisz liczbę
error-out-of-range = Wpisz liczbę od { $min } do { $max }
error-too-many-decimals = Liczba może mieć najwyżej { $scale ->
    [one] { $scale } miejsce
    [few] { $scale } miejsca
    [many] { $scale } miejsc
   *[other] { $scale } miejsca
} po przecinku
error-invalid-boolean = Wybierz tak lub nie
error-invalid-char = Wpisz jeden znak
error-invalid-choice = Wybierz jedną z opcji
error-invalid-date = Wpisz prawidłową datę
error-invalid-time = Wpisz prawidłową godzinę
error-invalid-datetime = Wpisz prawidłową datę i godzinę
error-expected-file = Wybierz plik
error-expected-text = Wpisz tekst, a nie plik
error-file-type = Pliki tego typu nie są akceptowane
error-file-content = Zawartość tego pliku nie zgadza się z jego typem
error-file-too-large = Plik może mieć najwyżej { $size }
error-invalid-index = Ta pozycja na liście jest nieprawidłowa
error-invalid-ip = Wpisz prawidłowy adres IP
error-already-sent = Ten formularz został już wysłany. Sprawdź poniższe wartości i wyślij go ponownie.
error-default = Ta wartość jest nieprawidłowa

## Labels the runtime writes into forms.

label-summary-title = Wystąpił problem
label-select-placeholder = Wybierz…
label-submit = Wyślij
label-list-row = { $list } { $position }
label-remove-row = Usuń { $row }
label-add-row = Dodaj wiersz do listy „{ $list }”

## Headings of the refusal page, by HTTP status.

status-400 = Nieprawidłowe żądanie
status-403 = Brak dostępu
status-404 = Nie znaleziono
status-405 = Niedozwolona metoda
status-408 = Przekroczono czas żądania
status-413 = Żądanie jest za duże
status-415 = Nieobsługiwany typ danych
status-500 = Wewnętrzny błąd serwera
status-503 = Usługa niedostępna
status-other = Błąd

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = nie można ustalić hosta żądania: X-Forwarded-Host i Forwarded od proxy wskazują różne hosty
refusal-host-forwarded-schemes-differ = nie można ustalić schematu żądania: X-Forwarded-Proto i Forwarded od proxy wskazują różne schematy
refusal-host-forwarded-not-ascii = nie można ustalić hosta żądania: nagłówek { $header } od proxy nie jest w ASCII
refusal-host-forwarded-empty-entry = nie można ustalić hosta żądania: nagłówek { $header } od proxy kończy się pustym wpisem
refusal-host-forwarded-scheme-unknown = nie można ustalić schematu żądania: schemat od proxy to ani http, ani https
refusal-host-forwarded-malformed = nie można ustalić hosta żądania: nagłówek Forwarded od proxy jest nieprawidłowy
refusal-host-several = żądanie ma kilka nagłówków Host
refusal-host-missing = żądanie nie ma nagłówka Host
refusal-host-unknown-development = nieznany host `{ $host }`: bez FORMACTION_ORIGIN obsługiwane są tylko hosty lokalne (localhost, *.localhost, 127.0.0.1, [::1]); ustaw FORMACTION_ORIGIN na origin tej aplikacji
refusal-host-unknown = nieznany host `{ $host }`: ta aplikacja nie odpowiada pod tą nazwą

refusal-cross-origin-several = odrzucono żądanie z innej witryny: kilka nagłówków { $header }
refusal-cross-origin-no-source = odrzucono żądanie z innej witryny: żądanie nie ma ani Origin, ani Referer
refusal-cross-origin-no-host = odrzucono żądanie z innej witryny: żądanie nie ma nagłówka Host
refusal-cross-origin = odrzucono żądanie z innej witryny: { $header } nie pasuje do tej witryny

refusal-content-type-unreadable = nieczytelny typ treści
refusal-content-type-unsupported = nieobsługiwany typ treści `{ $content_type }`: wyślij application/x-www-form-urlencoded, multipart/form-data lub application/json
refusal-content-type-unknown = nieobsługiwany typ treści `{ $content_type }`
refusal-content-type-missing = nieobsługiwany typ treści: żądanie nie ma nagłówka Content-Type
refusal-content-encoding-unsupported = nieobsługiwane Content-Encoding `{ $encoding }`: wyślij treść bez kompresji

refusal-action-unknown = ta strona nie ma akcji `{ $action }`
refusal-no-actions = ta strona nie ma żadnych akcji
refusal-action-ambiguous = ta strona ma kilka akcji: wskaż jedną przez ?_action=<id>
refusal-intent-without-page = dodawanie i usuwanie wierszy listy wymaga strony: wyślij formularz na jego stronę

refusal-body-too-large = treść żądania przekracza limit tej akcji wynoszący { $limit ->
    [one] { $limit } bajt
    [few] { $limit } bajty
    [many] { $limit } bajtów
   *[other] { $limit } bajta
}
refusal-body-unreadable = nie udało się odczytać treści żądania
refusal-body-read-failed = nie udało się odczytać treści żądania: { $cause }
refusal-busy = serwer odbiera teraz zbyt wiele zgłoszeń naraz: spróbuj ponownie za chwilę
refusal-once-token = jednorazowy token formularza został zmieniony lub pochodzi z innej witryny: odśwież stronę i wyślij formularz ponownie
refusal-once-key = nagłówek Idempotency-Key musi wystąpić dokładnie raz i mieć od 1 do 255 widocznych znaków ASCII
refusal-once-running = Ten formularz jest już wysyłany. Poczekaj chwilę, a potem odśwież stronę.
refusal-once-unavailable = Nie udało się teraz wysłać formularza. Spróbuj ponownie.

refusal-bound-missing = brakuje powiązanych argumentów tej akcji
refusal-bound-malformed = powiązane argumenty są nieprawidłowe
refusal-bound-too-long = powiązane argumenty są za długie: zapieczętowana wartość ma najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
    [many] { $max } znaków
   *[other] { $max } znaku
}
refusal-bound-rejected = powiązane argumenty zostały zmienione, należą do innej akcji albo zapieczętowano je kluczem, który nie jest już akceptowany
refusal-bound-expired = powiązane argumenty wygasły: odśwież stronę i spróbuj ponownie
refusal-bound-undecodable = powiązane argumenty nie mają oczekiwanej postaci

refusal-too-many-fields = za dużo pól: limit wynosi { $limit }
refusal-too-many-files = za dużo plików: limit wynosi { $limit }
refusal-field-too-large = wartość `{ $name }` przekracza limit wynoszący { $limit ->
    [one] { $limit } bajt
    [few] { $limit } bajty
    [many] { $limit } bajtów
   *[other] { $limit } bajta
}
refusal-file-too-large = plik w `{ $name }` przekracza limit wynoszący { $limit ->
    [one] { $limit } bajt
    [few] { $limit } bajty
    [many] { $limit } bajtów
   *[other] { $limit } bajta
}
refusal-name-too-long = nazwa pola przekracza limit wynoszący { $limit ->
    [one] { $limit } bajt
    [few] { $limit } bajty
    [many] { $limit } bajtów
   *[other] { $limit } bajta
} (zaczyna się od `{ $start }`)
refusal-percent-encoding = nieprawidłowe kodowanie procentowe w bajcie { $offset }
refusal-name-not-utf8-at = nazwa pola w bajcie { $offset } nie jest poprawnym UTF-8
refusal-name-not-utf8 = nazwa pola nie jest poprawnym UTF-8
refusal-value-not-utf8 = wartość `{ $name }` nie jest poprawnym UTF-8
refusal-multipart-malformed = nieprawidłowa treść multipart: { $reason }
refusal-multipart-disposition-not-utf8 = nieprawidłowa treść multipart: Content-Disposition części `{ $name }` nie jest poprawnym UTF-8
refusal-multipart-disposition-not-utf8-unnamed = nieprawidłowa treść multipart: Content-Disposition jednej z części nie jest poprawnym UTF-8
refusal-multipart-ended-before-first-part = nieprawidłowa treść multipart: treść kończy się przed pierwszą częścią (czy separator jest ten z typu treści?)
refusal-multipart-no-closing-boundary = nieprawidłowa treść multipart: treść kończy się bez separatora końcowego
refusal-multipart-ended-in-part = nieprawidłowa treść multipart: treść kończy się w środku części `{ $name }`
refusal-multipart-ended-in-unnamed-part = nieprawidłowa treść multipart: treść kończy się w środku jednej z części
refusal-multipart-invalid-headers = nieprawidłowa treść multipart: nagłówki jednej z części są nieprawidłowe
refusal-multipart-part-without-name = nieprawidłowa treść multipart: jedna z części nie ma nazwy w Content-Disposition
refusal-multipart-no-boundary = typ treści multipart bez separatora (boundary)
refusal-json-invalid = nieprawidłowy JSON: { $reason }
refusal-json-not-object = treść JSON musi być obiektem
refusal-json-too-deep = treść JSON jest zagnieżdżona głębiej niż limit wynoszący { $limit ->
    [one] { $limit } poziom
    [few] { $limit } poziomy
    [many] { $limit } poziomów
   *[other] { $limit } poziomu
}

refusal-internal-error = Coś poszło nie tak po naszej stronie. Spróbuj ponownie.
refusal-timeout = Żądanie nie zostało obsłużone w ciągu { $seconds ->
    [one] { $seconds } sekundy
    [few] { $seconds } sekund
    [many] { $seconds } sekund
   *[other] { $seconds } sekundy
}. Spróbuj ponownie.

## The enhancement script's own texts.

script-next-page-unavailable = Formularz został wysłany, ale nie udało się otworzyć następnej strony.
script-answer-unreadable = Nie udało się odczytać odpowiedzi serwera. Sprawdź wynik, zanim wyślesz formularz ponownie.
script-failed = Coś poszło nie tak. Spróbuj ponownie.
