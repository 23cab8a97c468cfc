# formaction: Dutch (nl). Plural categories: one, other.

## Field errors: one message per error code.

error-required = Dit veld is verplicht
error-too-short = Vul minstens { $min ->
    [one] { $min } teken
   *[other] { $min } tekens
} in
error-too-long = Vul maximaal { $max ->
    [one] { $max } teken
   *[other] { $max } tekens
} in
error-wrong-length = Vul precies { $equal ->
    [one] { $equal } teken
   *[other] { $equal } tekens
} in
error-too-few = Kies er minstens { $min }
error-too-many = Kies er maximaal { $max }
error-wrong-count = Kies er precies { $equal }
error-too-small = De waarde moet minstens { $min } zijn
error-too-big = De waarde mag maximaal { $max } zijn
error-not-greater = De waarde moet groter zijn dan { $min }
error-not-less = De waarde moet kleiner zijn dan { $max }
error-invalid-email = Vul een geldig e-mailadres in
error-invalid-url = Vul een geldige URL in
error-invalid-format = Vul een waarde in de verwachte vorm in
error-missing-text = De waarde moet ‘{ $needle }’ bevatten
error-forbidden-text = De waarde mag ‘{ $needle }’ niet bevatten
error-mismatch = De waarde moet gelijk zijn aan ‘{ $other }’
error-control-character = De waarde mag geen stuurtekens bevatten
error-invalid-integer = Vul een geheel getal in
error-invalid-number = Vul een getal in
error-invalid-decimal = Vul een getal in
error-out-of-range = Vul een getal van { $min } tot en met { $max } in
error-too-many-decimals = Gebruik maximaal { $scale ->
    [one] { $scale } decimaal
   *[other] { $scale } decimalen
}
error-invalid-boolean = Kies ja of nee
error-invalid-char = Vul één teken in
error-invalid-choice = Kies een van de opties
error-invalid-date = Vul een geldige datum in
error-invalid-time = Vul een geldige tijd in
error-invalid-datetime = Vul een geldige datum en tijd in
error-expected-file = Kies een bestand
error-expected-text = Vul tekst in, geen bestand
error-file-type = Dit bestandstype wordt niet geaccepteerd
error-file-content = De inhoud van dit bestand past niet bij het bestandstype
error-file-too-large = Het bestand mag maximaal { $size } groot zijn
error-invalid-index = Deze positie in de lijst is ongeldig
error-invalid-ip = Vul een geldig IP-adres in
error-already-sent = Dit formulier was al verzonden. Controleer de waarden hieronder en verzend het opnieuw.
error-default = Deze waarde is ongeldig

## Labels the runtime writes into forms.

label-summary-title = Er is een probleem
label-select-placeholder = Kies…
label-submit = Versturen
label-list-row = { $list } { $position }
label-remove-row = { $row } verwijderen
label-add-row = Rij toevoegen aan { $list }

## Headings of the refusal page, by HTTP status.

status-400 = Ongeldig verzoek
status-403 = Geen toegang
status-404 = Niet gevonden
status-405 = Methode niet toegestaan
status-408 = Time-out van het verzoek
status-413 = Verzoek te groot
status-415 = Mediatype niet ondersteund
status-500 = Interne serverfout
status-503 = Dienst niet beschikbaar
status-other = Fout

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = kan de host van het verzoek niet bepalen: X-Forwarded-Host en Forwarded van de proxy noemen verschillende hosts
refusal-host-forwarded-schemes-differ = kan het schema van het verzoek niet bepalen: X-Forwarded-Proto en Forwarded van de proxy noemen verschillende schema’s
refusal-host-forwarded-not-ascii = kan de host van het verzoek niet bepalen: de header { $header } van de proxy is geen ASCII
refusal-host-forwarded-empty-entry = kan de host van het verzoek niet bepalen: de header { $header } van de proxy eindigt met een lege vermelding
refusal-host-forwarded-scheme-unknown = kan het schema van het verzoek niet bepalen: dat van de proxy is geen http of https
refusal-host-forwarded-malformed = kan de host van het verzoek niet bepalen: de Forwarded-header van de proxy is misvormd
refusal-host-several = het verzoek heeft meerdere Host-headers
refusal-host-missing = het verzoek heeft geen Host-header
refusal-host-unknown-development = onbekende host `{ $host }`: zonder FORMACTION_ORIGIN worden alleen loopback-hosts bediend (localhost, *.localhost, 127.0.0.1, [::1]); stel FORMACTION_ORIGIN in op de origin van deze app
refusal-host-unknown = onbekende host `{ $host }`: deze app reageert niet op die naam

refusal-cross-origin-several = cross-site verzoek geweigerd: meerdere { $header }-headers
refusal-cross-origin-no-source = cross-site verzoek geweigerd: het verzoek heeft geen Origin en geen Referer
refusal-cross-origin-no-host = cross-site verzoek geweigerd: het verzoek heeft geen Host-header
refusal-cross-origin = cross-site verzoek geweigerd: { $header } komt niet overeen met deze site

refusal-content-type-unreadable = onleesbaar inhoudstype
refusal-content-type-unsupported = inhoudstype `{ $content_type }` wordt niet ondersteund: stuur application/x-www-form-urlencoded, multipart/form-data of application/json
refusal-content-type-unknown = inhoudstype `{ $content_type }` wordt niet ondersteund
refusal-content-type-missing = inhoudstype wordt niet ondersteund: het verzoek heeft geen Content-Type
refusal-content-encoding-unsupported = Content-Encoding `{ $encoding }` wordt niet ondersteund: stuur de inhoud ongecomprimeerd

refusal-action-unknown = deze pagina heeft geen actie `{ $action }`
refusal-no-actions = deze pagina heeft geen acties
refusal-action-ambiguous = deze pagina heeft meerdere acties: noem er een met ?_action=<id>
refusal-intent-without-page = voor het toevoegen of verwijderen van rijen is een pagina nodig: stuur het formulier naar zijn pagina

refusal-body-too-large = de inhoud van het verzoek overschrijdt de limiet van { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
} voor deze actie
refusal-body-unreadable = de inhoud van het verzoek kon niet worden gelezen
refusal-body-read-failed = de inhoud van het verzoek kon niet worden gelezen: { $cause }
refusal-busy = de server ontvangt te veel inzendingen tegelijk: probeer het zo opnieuw
refusal-once-token = het eenmalige token van het formulier is gewijzigd of komt van een andere site: laad de pagina opnieuw en verstuur het formulier nog eens
refusal-once-key = de header Idempotency-Key moet precies één keer worden meegegeven, met 1 tot 255 zichtbare ASCII-tekens
refusal-once-running = Dit formulier wordt al verstuurd. Wacht even en laad de pagina daarna opnieuw.
refusal-once-unavailable = Het formulier kon nu niet worden verstuurd. Probeer het opnieuw.

refusal-bound-missing = de gebonden argumenten van deze actie ontbreken
refusal-bound-malformed = de gebonden argumenten zijn misvormd
refusal-bound-too-long = de gebonden argumenten zijn te lang: een verzegelde waarde heeft maximaal { $max ->
    [one] { $max } teken
   *[other] { $max } tekens
}
refusal-bound-rejected = de gebonden argumenten zijn gewijzigd, horen bij een andere actie of zijn verzegeld met een sleutel die niet meer wordt geaccepteerd
refusal-bound-expired = de gebonden argumenten zijn verlopen: laad de pagina opnieuw en probeer het nog eens
refusal-bound-undecodable = de gebonden argumenten hebben niet de verwachte vorm

refusal-too-many-fields = te veel velden: de limiet is { $limit }
refusal-too-many-files = te veel bestanden: de limiet is { $limit }
refusal-field-too-large = de waarde van `{ $name }` is groter dan de limiet van { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
}
refusal-file-too-large = het bestand in `{ $name }` is groter dan de limiet van { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
}
refusal-name-too-long = een veldnaam is langer dan de limiet van { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
} (hij begint met `{ $start }`)
refusal-percent-encoding = ongeldige procentcodering bij byte { $offset }
refusal-name-not-utf8-at = de veldnaam bij byte { $offset } is geen geldige UTF-8
refusal-name-not-utf8 = een veldnaam is geen geldige UTF-8
refusal-value-not-utf8 = de waarde van `{ $name }` is geen geldige UTF-8
refusal-multipart-malformed = misvormde multipart-inhoud: { $reason }
refusal-multipart-disposition-not-utf8 = misvormde multipart-inhoud: de Content-Disposition van het deel `{ $name }` is geen geldige UTF-8
refusal-multipart-disposition-not-utf8-unnamed = misvormde multipart-inhoud: de Content-Disposition van een deel is geen geldige UTF-8
refusal-multipart-ended-before-first-part = misvormde multipart-inhoud: de inhoud eindigt vóór het eerste deel (is de boundary die uit het inhoudstype?)
refusal-multipart-no-closing-boundary = misvormde multipart-inhoud: de inhoud eindigt zonder de afsluitende boundary
refusal-multipart-ended-in-part = misvormde multipart-inhoud: de inhoud eindigt midden in het deel `{ $name }`
refusal-multipart-ended-in-unnamed-part = misvormde multipart-inhoud: de inhoud eindigt midden in een deel
refusal-multipart-invalid-headers = misvormde multipart-inhoud: de headers van een deel zijn ongeldig
refusal-multipart-part-without-name = misvormde multipart-inhoud: een deel heeft geen naam in zijn Content-Disposition
refusal-multipart-no-boundary = multipart-inhoudstype zonder boundary
refusal-json-invalid = ongeldige JSON: { $reason }
refusal-json-not-object = de JSON-inhoud moet een object zijn
refusal-json-too-deep = de JSON-inhoud is dieper genest dan de limiet van { $limit ->
    [one] { $limit } niveau
   *[other] { $limit } niveaus
}

refusal-internal-error = Er ging aan onze kant iets mis. Probeer het opnieuw.
refusal-timeout = Het verzoek is niet binnen { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } seconden
} afgerond. Probeer het opnieuw.

## The enhancement script's own texts.

script-next-page-unavailable = Het formulier is verstuurd, maar de volgende pagina kon niet worden geopend.
script-answer-unreadable = Het antwoord van de server kon niet worden gelezen. Controleer het resultaat voordat u het formulier opnieuw verstuurt.
script-failed = Er ging iets mis. Probeer het opnieuw.
