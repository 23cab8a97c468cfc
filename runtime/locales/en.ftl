# formaction: every text the runtime shows a user, in English.
# This file is the reference: every other catalogue has exactly its ids and variables.
# Numbers are passed as numbers ({ $min }), so each language writes them its own way.

## Field errors: one message per error code (`too_short` is `error-too-short`).
## Variables: $min, $max, $equal, $scale are numbers; $needle is a piece of text the value must
## (not) contain; $other is the label of the field the value must match.

error-required = This field is required
error-too-short = Must be at least { $min ->
    [one] { $min } character
   *[other] { $min } characters
}
error-too-long = Must be at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}
error-wrong-length = Must be exactly { $equal ->
    [one] { $equal } character
   *[other] { $equal } characters
}
# $min, $max, $equal count chosen options or list rows.
error-too-few = Choose at least { $min }
error-too-many = Choose at most { $max }
error-wrong-count = Choose exactly { $equal }
# $min and $max are the bounds of a number (they may have decimals: 0.01).
error-too-small = Must be at least { $min }
error-too-big = Must be at most { $max }
error-not-greater = Must be greater than { $min }
error-not-less = Must be less than { $max }
error-invalid-email = Enter a valid email address
error-invalid-url = Enter a valid URL
error-invalid-format = Enter a value in the expected format
error-missing-text = Must contain “{ $needle }”
error-forbidden-text = Must not contain “{ $needle }”
error-mismatch = Must match { $other }
error-control-character = Must not contain control characters
error-invalid-integer = Enter a whole number
error-invalid-number = Enter a number
error-invalid-decimal = Enter a number
error-out-of-range = Enter a number from { $min } to { $max }
error-too-many-decimals = Use at most { $scale ->
    [one] { $scale } decimal place
   *[other] { $scale } decimal places
}
error-invalid-boolean = Choose yes or no
error-invalid-char = Enter a single character
error-invalid-choice = Choose one of the options
error-invalid-date = Enter a real date
error-invalid-time = Enter a real time
error-invalid-datetime = Enter a real date and time
error-expected-file = Choose a file
error-expected-text = Enter text, not a file
error-file-type = This type of file is not accepted
error-file-content = The contents of this file do not match its type
# $size is the limit with its unit, as the runtime writes it ("2 MB").
error-file-too-large = The file must be at most { $size }
error-invalid-index = This list position is not valid
error-invalid-ip = Enter a valid IP address
error-already-sent = This form had already been sent. Check the values below, then send it again.
# Any code without a message of its own.
error-default = This value is not valid

## Labels the runtime writes into forms.

# The heading of the list of errors above a form.
label-summary-title = There is a problem
# The first, empty option of a drop-down list.
label-select-placeholder = Choose…
# The submit button of a form without a label of its own.
label-submit = Submit
# The heading of one row of a list: $list is the list's label, $position the row's number (1, 2...).
label-list-row = { $list } { $position }
# $row is the row's heading (label-list-row).
label-remove-row = Remove { $row }
# $list is the list's label.
label-add-row = Add a row to { $list }

## Headings of the page that refuses a request (and its <title>), by HTTP status.

status-400 = Bad Request
status-403 = Forbidden
status-404 = Not Found
status-405 = Method Not Allowed
status-408 = Request Timeout
status-413 = Payload Too Large
status-415 = Unsupported Media Type
status-500 = Internal Server Error
status-503 = Service Unavailable
# Any other status.
status-other = Error

## Refusals: the text of the refusal page, and the `error` of the JSON answer.
## Names of headers, media types, codings and settings (Host, Origin, Referer, Content-Type,
## Content-Disposition, X-Forwarded-Host, FORMACTION_ORIGIN, ?_action=<id>...) stay as they are.

# Which host the request was for cannot be told (400). $header is a header's name.
refusal-host-forwarded-hosts-differ = cannot tell the request's host: the proxy's X-Forwarded-Host and Forwarded name different hosts
refusal-host-forwarded-schemes-differ = cannot tell the request's scheme: the proxy's X-Forwarded-Proto and Forwarded name different ones
refusal-host-forwarded-not-ascii = cannot tell the request's host: the proxy's { $header } is not ASCII
refusal-host-forwarded-empty-entry = cannot tell the request's host: the proxy's { $header } ends with an empty entry
refusal-host-forwarded-scheme-unknown = cannot tell the request's scheme: the proxy's is neither http nor https
refusal-host-forwarded-malformed = cannot tell the request's host: the proxy's Forwarded header is malformed
refusal-host-several = the request has several Host headers
refusal-host-missing = the request has no Host header
# $host is the host the request named.
refusal-host-unknown-development = unknown host `{ $host }`: without FORMACTION_ORIGIN, only loopback hosts are served (localhost, *.localhost, 127.0.0.1, [::1]); set FORMACTION_ORIGIN to this app's origin
refusal-host-unknown = unknown host `{ $host }`: this app does not answer to that name

# A request from another site (403). $header is Origin or Referer.
refusal-cross-origin-several = cross-site request refused: several { $header } headers
refusal-cross-origin-no-source = cross-site request refused: the request has neither Origin nor Referer
refusal-cross-origin-no-host = cross-site request refused: the request has no Host header
refusal-cross-origin = cross-site request refused: { $header } does not match this site

# A body the runtime does not read (415). $content_type and $encoding are as the request sent them.
refusal-content-type-unreadable = unreadable content type
refusal-content-type-unsupported = unsupported content type `{ $content_type }`: send application/x-www-form-urlencoded, multipart/form-data or application/json
refusal-content-type-unknown = unsupported content type `{ $content_type }`
refusal-content-type-missing = unsupported content type: the request has no Content-Type
refusal-content-encoding-unsupported = unsupported Content-Encoding `{ $encoding }`: send the body uncompressed

# The page's actions. $action is the action id the request named.
refusal-action-unknown = this page has no action `{ $action }`
refusal-no-actions = this page has no actions
refusal-action-ambiguous = this page has several actions: name one with ?_action=<id>
refusal-intent-without-page = adding or removing list rows needs a page: post the form to its page

# The body as a whole. $limit is a number of bytes.
refusal-body-too-large = the body is larger than this action's limit of { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
}
refusal-body-unreadable = the body could not be read
refusal-body-read-failed = failed to read the request body: { $cause }
refusal-busy = the server is receiving too many submissions at once: try again in a moment
# A form sent once already (once only): its token, the Idempotency-Key header, a claim still
# running, the store unreachable.
refusal-once-token = the form's one-time token was changed or comes from another site: reload the page and send it again
refusal-once-key = the Idempotency-Key header must be given once, with 1 to 255 visible ASCII characters
refusal-once-running = This form is being sent already. Wait a moment, then reload the page.
refusal-once-unavailable = The form could not be sent just now. Please try again.

# The values bound into the page (400). $max is a number of characters.
refusal-bound-missing = the bound arguments of this action are missing
refusal-bound-malformed = the bound arguments are malformed
refusal-bound-too-long = the bound arguments are too long: a sealed value has at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}
refusal-bound-rejected = the bound arguments were changed, belong to another action, or were sealed with a key that is no longer accepted
refusal-bound-expired = the bound arguments have expired: reload the page and try again
refusal-bound-undecodable = the bound arguments do not have the expected shape

# The body's fields (413, 400). $limit is a number (of fields, files, bytes or levels); $name is a
# field's name and $start the first characters of one; $offset a position in bytes; $reason and
# $cause are details in English from the parser or the connection.
refusal-too-many-fields = too many fields: the limit is { $limit }
refusal-too-many-files = too many files: the limit is { $limit }
refusal-field-too-large = the value of `{ $name }` is larger than the limit of { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
}
refusal-file-too-large = the file in `{ $name }` is larger than the limit of { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
}
refusal-name-too-long = a field name is longer than the limit of { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
} (it starts with `{ $start }`)
refusal-percent-encoding = invalid percent-encoding at byte { $offset }
refusal-name-not-utf8-at = the field name at byte { $offset } is not valid UTF-8
refusal-name-not-utf8 = a field name is not valid UTF-8
refusal-value-not-utf8 = the value of `{ $name }` is not valid UTF-8
refusal-multipart-malformed = malformed multipart body: { $reason }
refusal-multipart-disposition-not-utf8 = malformed multipart body: the Content-Disposition of the part `{ $name }` is not valid UTF-8
refusal-multipart-disposition-not-utf8-unnamed = malformed multipart body: the Content-Disposition of a part is not valid UTF-8
refusal-multipart-ended-before-first-part = malformed multipart body: the body ended before the first part (is the boundary the one in the content type?)
refusal-multipart-no-closing-boundary = malformed multipart body: the body ended without the closing boundary
refusal-multipart-ended-in-part = malformed multipart body: the body ended inside the part `{ $name }`
refusal-multipart-ended-in-unnamed-part = malformed multipart body: the body ended inside a part
refusal-multipart-invalid-headers = malformed multipart body: the headers of a part are invalid
refusal-multipart-part-without-name = malformed multipart body: a part has no name in its Content-Disposition
refusal-multipart-no-boundary = multipart content type without a boundary
refusal-json-invalid = invalid JSON: { $reason }
refusal-json-not-object = the JSON body must be an object
refusal-json-too-deep = the JSON body is nested deeper than the limit of { $limit ->
    [one] { $limit } level
   *[other] { $limit } levels
}

# A failure on the server's side (500), and a request that took too long (408): $seconds is a
# number of seconds (it may have decimals: 2.5).
refusal-internal-error = Something went wrong on our side. Please try again.
refusal-timeout = The request was not completed within { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}. Please try again.

## The enhancement script's own texts (its error summary's heading is label-summary-title).

script-next-page-unavailable = The form was sent, but the next page could not be opened.
script-answer-unreadable = The server's answer could not be read. Check before sending again.
script-failed = Something went wrong. Please try again.
