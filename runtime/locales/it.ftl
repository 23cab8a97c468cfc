# formaction: Italian (it). Plural categories: one (1), many (a million and its multiples:
# "1.000.000 di caratteri"), other.

## Field errors: one message per error code.

error-required = Questo campo è obbligatorio
error-too-short = Inserisci almeno { $min ->
    [one] { $min } carattere
    [many] { $min } di caratteri
   *[other] { $min } caratteri
}
error-too-long = Inserisci al massimo { $max ->
    [one] { $max } carattere
    [many] { $max } di caratteri
   *[other] { $max } caratteri
}
error-wrong-length = Inserisci esattamente { $equal ->
    [one] { $equal } carattere
    [many] { $equal } di caratteri
   *[other] { $equal } caratteri
}
error-too-few = Scegline almeno { $min }
error-too-many = Scegline al massimo { $max }
error-wrong-count = Scegline esattamente { $equal }
error-too-small = Il valore deve essere almeno { $min }
error-too-big = Il valore non deve superare { $max }
error-not-greater = Il valore deve essere maggiore di { $min }
error-not-less = Il valore deve essere minore di { $max }
error-invalid-email = Inserisci un indirizzo email valido
error-invalid-url = Inserisci un URL valido
error-invalid-format = Inserisci un valore nel formato previsto
error-missing-text = Il valore deve contenere «{ $needle }»
error-forbidden-text = Il valore non deve contenere «{ $needle }»
error-mismatch = Il valore deve corrispondere a «{ $other }»
error-control-character = Il valore non deve contenere caratteri di controllo
error-invalid-integer = Inserisci un numero intero
error-invalid-number = Inserisci un numero
error-invalid-decimal = Inserisci un numero
error-out-of-range = Inserisci un numero compreso tra { $min } e { $max }
error-too-many-decimals = Usa al massimo { $scale ->
    [one] { $scale } cifra decimale
    [many] { $scale } di cifre decimali
   *[other] { $scale } cifre decimali
}
error-invalid-boolean = Scegli sì o no
error-invalid-char = Inserisci un solo carattere
error-invalid-choice = Scegli una delle opzioni
error-invalid-date = Inserisci una data valida
error-invalid-time = Inserisci un orario valido
error-invalid-datetime = Inserisci una data e un orario validi
error-expected-file = Scegli un file
error-expected-text = Inserisci del testo, non un file
error-file-type = Questo tipo di file non è accettato
error-file-content = Il contenuto di questo file non corrisponde al suo tipo
error-file-too-large = Il file non deve superare { $size }
error-invalid-index = Questa posizione nell’elenco non è valida
error-invalid-ip = Inserisci un indirizzo IP valido
error-already-sent = Questo modulo era già stato inviato. Controlla i valori qui sotto, poi invialo di nuovo.
error-default = Questo valore non è valido

## Labels the runtime writes into forms.

label-summary-title = C’è un problema
label-select-placeholder = Scegli…
label-submit = Invia
label-list-row = { $list } { $position }
label-remove-row = Rimuovi { $row }
label-add-row = Aggiungi una riga a { $list }

## Headings of the refusal page, by HTTP status.

status-400 = Richiesta non valida
status-403 = Accesso negato
status-404 = Non trovato
status-405 = Metodo non consentito
status-408 = Tempo della richiesta scaduto
status-413 = Richiesta troppo grande
status-415 = Tipo di contenuto non supportato
status-500 = Errore interno del server
status-503 = Servizio non disponibile
status-other = Errore

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = impossibile determinare l’host della richiesta: X-Forwarded-Host e Forwarded del proxy indicano host diversi
refusal-host-forwarded-schemes-differ = impossibile determinare lo schema della richiesta: X-Forwarded-Proto e Forwarded del proxy indicano schemi diversi
refusal-host-forwarded-not-ascii = impossibile determinare l’host della richiesta: l’intestazione { $header } del proxy non è ASCII
refusal-host-forwarded-empty-entry = impossibile determinare l’host della richiesta: l’intestazione { $header } del proxy termina con una voce vuota
refusal-host-forwarded-scheme-unknown = impossibile determinare lo schema della richiesta: quello del proxy non è né http né https
refusal-host-forwarded-malformed = impossibile determinare l’host della richiesta: l’intestazione Forwarded del proxy non è ben formata
refusal-host-several = la richiesta ha più intestazioni Host
refusal-host-missing = la richiesta non ha l’intestazione Host
refusal-host-unknown-development = host sconosciuto `{ $host }`: senza FORMACTION_ORIGIN vengono serviti solo gli host locali (localhost, *.localhost, 127.0.0.1, [::1]); imposta FORMACTION_ORIGIN sull’origine di questa app
refusal-host-unknown = host sconosciuto `{ $host }`: questa app non risponde a quel nome

refusal-cross-origin-several = richiesta tra siti rifiutata: più intestazioni { $header }
refusal-cross-origin-no-source = richiesta tra siti rifiutata: la richiesta non ha né Origin né Referer
refusal-cross-origin-no-host = richiesta tra siti rifiutata: la richiesta non ha l’intestazione Host
refusal-cross-origin = richiesta tra siti rifiutata: { $header } non corrisponde a questo sito

refusal-content-type-unreadable = tipo di contenuto illeggibile
refusal-content-type-unsupported = tipo di contenuto `{ $content_type }` non supportato: invia application/x-www-form-urlencoded, multipart/form-data o application/json
refusal-content-type-unknown = tipo di contenuto `{ $content_type }` non supportato
refusal-content-type-missing = tipo di contenuto non supportato: la richiesta non ha Content-Type
refusal-content-encoding-unsupported = Content-Encoding `{ $encoding }` non supportato: invia il corpo senza compressione

refusal-action-unknown = questa pagina non ha l’azione `{ $action }`
refusal-no-actions = questa pagina non ha azioni
refusal-action-ambiguous = questa pagina ha più azioni: indicane una con ?_action=<id>
refusal-intent-without-page = per aggiungere o rimuovere righe di un elenco serve una pagina: invia il modulo alla sua pagina

refusal-body-too-large = il corpo della richiesta supera il limite di { $limit ->
    [one] { $limit } byte
    [many] { $limit } di byte
   *[other] { $limit } byte
} di questa azione
refusal-body-unreadable = impossibile leggere il corpo della richiesta
refusal-body-read-failed = impossibile leggere il corpo della richiesta: { $cause }
refusal-busy = il server sta ricevendo troppi invii contemporaneamente: riprova tra un momento
refusal-once-token = il token monouso del modulo è stato modificato o proviene da un altro sito: ricarica la pagina e invia di nuovo il modulo
refusal-once-key = l’intestazione Idempotency-Key va indicata una sola volta, con da 1 a 255 caratteri ASCII visibili
refusal-once-running = Questo modulo è già in fase di invio. Attendi un momento, poi ricarica la pagina.
refusal-once-unavailable = Non è stato possibile inviare il modulo in questo momento. Riprova.

refusal-bound-missing = mancano gli argomenti vincolati di questa azione
refusal-bound-malformed = gli argomenti vincolati non sono ben formati
refusal-bound-too-long = gli argomenti vincolati sono troppo lunghi: un valore sigillato ha al massimo { $max ->
    [one] { $max } carattere
    [many] { $max } di caratteri
   *[other] { $max } caratteri
}
refusal-bound-rejected = gli argomenti vincolati sono stati modificati, appartengono a un’altra azione o sono stati sigillati con una chiave non più accettata
refusal-bound-expired = gli argomenti vincolati sono scaduti: ricarica la pagina e riprova
refusal-bound-undecodable = gli argomenti vincolati non hanno la forma prevista

refusal-too-many-fields = troppi campi: il limite è { $limit }
refusal-too-many-files = troppi file: il limite è { $limit }
refusal-field-too-large = il valore di `{ $name }` supera il limite di { $limit ->
    [one] { $limit } byte
    [many] { $limit } di byte
   *[other] { $limit } byte
}
refusal-file-too-large = il file in `{ $name }` supera il limite di { $limit ->
    [one] { $limit } byte
    [many] { $limit } di byte
   *[other] { $limit } byte
}
refusal-name-too-long = un nome di campo supera il limite di { $limit ->
    [one] { $limit } byte
    [many] { $limit } di byte
   *[other] { $limit } byte
} (inizia con `{ $start }`)
refusal-percent-encoding = codifica percentuale non valida al byte { $offset }
refusal-name-not-utf8-at = il nome di campo al byte { $offset } non è UTF-8 valido
refusal-name-not-utf8 = un nome di campo non è UTF-8 valido
refusal-value-not-utf8 = il valore di `{ $name }` non è UTF-8 valido
refusal-multipart-malformed = corpo multipart non ben formato: { $reason }
refusal-multipart-disposition-not-utf8 = corpo multipart non ben formato: il Content-Disposition della parte `{ $name }` non è UTF-8 valido
refusal-multipart-disposition-not-utf8-unnamed = corpo multipart non ben formato: il Content-Disposition di una parte non è UTF-8 valido
refusal-multipart-ended-before-first-part = corpo multipart non ben formato: il corpo termina prima della prima parte (il delimitatore è quello del tipo di contenuto?)
refusal-multipart-no-closing-boundary = corpo multipart non ben formato: il corpo termina senza il delimitatore finale
refusal-multipart-ended-in-part = corpo multipart non ben formato: il corpo termina all’interno della parte `{ $name }`
refusal-multipart-ended-in-unnamed-part = corpo multipart non ben formato: il corpo termina all’interno di una parte
refusal-multipart-invalid-headers = corpo multipart non ben formato: le intestazioni di una parte non sono valide
refusal-multipart-part-without-name = corpo multipart non ben formato: una parte non ha un nome nel suo Content-Disposition
refusal-multipart-no-boundary = tipo di contenuto multipart senza delimitatore (boundary)
refusal-json-invalid = JSON non valido: { $reason }
refusal-json-not-object = il corpo JSON deve essere un oggetto
refusal-json-too-deep = il corpo JSON supera il limite di annidamento di { $limit ->
    [one] { $limit } livello
    [many] { $limit } di livelli
   *[other] { $limit } livelli
}

refusal-internal-error = Si è verificato un errore da parte nostra. Riprova.
refusal-timeout = La richiesta non è stata completata entro { $seconds ->
    [one] { $seconds } secondo
    [many] { $seconds } di secondi
   *[other] { $seconds } secondi
}. Riprova.

## The enhancement script's own texts.

script-next-page-unavailable = Il modulo è stato inviato, ma non è stato possibile aprire la pagina successiva.
script-answer-unreadable = Non è stato possibile leggere la risposta del server. Controlla prima di inviarlo di nuovo.
script-failed = Si è verificato un errore. Riprova.
