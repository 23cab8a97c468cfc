# formaction: Korean (ko). One plural category (other): no message selects.
# No particle whose form depends on the last sound (을/를, 이/가, 은/는, 과/와) follows a
# placeable directly: the word before it would be unknown. Counters (자, 개, 바이트) and
# particles that never change (의, 에, 에서, 까지, 보다) may.

## Field errors: one message per error code.

error-required = 필수 입력 항목입니다
error-too-short = { $min }자 이상 입력하세요
error-too-long = { $max }자 이하로 입력하세요
error-wrong-length = 정확히 { $equal }자로 입력하세요
error-too-few = { $min }개 이상 선택하세요
error-too-many = { $max }개 이하로 선택하세요
error-wrong-count = 정확히 { $equal }개를 선택하세요
error-too-small = { $min } 이상이어야 합니다
error-too-big = { $max } 이하여야 합니다
error-not-greater = { $min }보다 커야 합니다
error-not-less = { $max }보다 작아야 합니다
error-invalid-email = 올바른 이메일 주소를 입력하세요
error-invalid-url = 올바른 URL을 입력하세요
error-invalid-format = 요구되는 형식으로 입력하세요
error-missing-text = 다음 문자열을 포함해야 합니다: ‘{ $needle }’
error-forbidden-text = 다음 문자열은 포함할 수 없습니다: ‘{ $needle }’
error-mismatch = ‘{ $other }’ 항목과 같아야 합니다
error-control-character = 제어 문자는 사용할 수 없습니다
error-invalid-integer = 정수를 입력하세요
error-invalid-number = 숫자를 입력하세요
error-invalid-decimal = 숫자를 입력하세요
error-out-of-range = { $min }에서 { $max } 사이의 숫자를 입력하세요
error-too-many-decimals = 소수점 이하는 { $scale }자리까지 입력하세요
error-invalid-boolean = 예 또는 아니요를 선택하세요
error-invalid-char = 한 글자만 입력하세요
error-invalid-choice = 옵션 중 하나를 선택하세요
error-invalid-date = 올바른 날짜를 입력하세요
error-invalid-time = 올바른 시간을 입력하세요
error-invalid-datetime = 올바른 날짜와 시간을 입력하세요
error-expected-file = 파일을 선택하세요
error-expected-text = 파일이 아닌 텍스트를 입력하세요
error-file-type = 이 형식의 파일은 허용되지 않습니다
error-file-content = 이 파일의 내용이 형식과 일치하지 않습니다
error-file-too-large = 파일은 { $size } 이하여야 합니다
error-invalid-index = 이 목록 위치는 올바르지 않습니다
error-invalid-ip = 올바른 IP 주소를 입력하세요
error-already-sent = 이 양식은 이미 전송되었습니다. 아래 값을 확인한 다음 다시 보내세요.
error-default = 올바른 값이 아닙니다

## Labels the runtime writes into forms.

label-summary-title = 문제가 있습니다
label-select-placeholder = 선택하세요…
label-submit = 제출
label-list-row = { $list } { $position }
label-remove-row = { $row } 삭제
label-add-row = { $list }에 행 추가

## Headings of the refusal page, by HTTP status.

status-400 = 잘못된 요청
status-403 = 접근 거부
status-404 = 찾을 수 없음
status-405 = 허용되지 않는 메서드
status-408 = 요청 시간 초과
status-413 = 요청이 너무 큼
status-415 = 지원되지 않는 미디어 유형
status-500 = 내부 서버 오류
status-503 = 서비스를 사용할 수 없음
status-other = 오류

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = 요청의 호스트를 알 수 없습니다: 프록시의 X-Forwarded-Host와 Forwarded가 서로 다른 호스트를 가리킵니다
refusal-host-forwarded-schemes-differ = 요청의 스킴을 알 수 없습니다: 프록시의 X-Forwarded-Proto와 Forwarded가 서로 다른 스킴을 가리킵니다
refusal-host-forwarded-not-ascii = 요청의 호스트를 알 수 없습니다: 프록시의 { $header } 헤더가 ASCII가 아닙니다
refusal-host-forwarded-empty-entry = 요청의 호스트를 알 수 없습니다: 프록시의 { $header } 헤더가 빈 항목으로 끝납니다
refusal-host-forwarded-scheme-unknown = 요청의 스킴을 알 수 없습니다: 프록시가 보낸 스킴이 http도 https도 아닙니다
refusal-host-forwarded-malformed = 요청의 호스트를 알 수 없습니다: 프록시의 Forwarded 헤더 형식이 잘못되었습니다
refusal-host-several = 요청에 Host 헤더가 여러 개 있습니다
refusal-host-missing = 요청에 Host 헤더가 없습니다
refusal-host-unknown-development = 알 수 없는 호스트 `{ $host }`: FORMACTION_ORIGIN 설정이 없으면 루프백 호스트(localhost, *.localhost, 127.0.0.1, [::1])에만 응답합니다. FORMACTION_ORIGIN을 이 앱의 오리진으로 설정하세요
refusal-host-unknown = 알 수 없는 호스트 `{ $host }`: 이 앱은 그 이름에 응답하지 않습니다

refusal-cross-origin-several = 교차 사이트 요청 거부: { $header } 헤더가 여러 개 있습니다
refusal-cross-origin-no-source = 교차 사이트 요청 거부: 요청에 Origin도 Referer도 없습니다
refusal-cross-origin-no-host = 교차 사이트 요청 거부: 요청에 Host 헤더가 없습니다
refusal-cross-origin = 교차 사이트 요청 거부: { $header } 헤더가 이 사이트와 일치하지 않습니다

refusal-content-type-unreadable = 읽을 수 없는 콘텐츠 유형
refusal-content-type-unsupported = 지원되지 않는 콘텐츠 유형 `{ $content_type }`: application/x-www-form-urlencoded, multipart/form-data 또는 application/json 형식으로 보내세요
refusal-content-type-unknown = 지원되지 않는 콘텐츠 유형 `{ $content_type }`
refusal-content-type-missing = 지원되지 않는 콘텐츠 유형: 요청에 Content-Type 헤더가 없습니다
refusal-content-encoding-unsupported = 지원되지 않는 Content-Encoding `{ $encoding }`: 본문을 압축하지 않고 보내세요

refusal-action-unknown = 이 페이지에는 `{ $action }` 작업이 없습니다
refusal-no-actions = 이 페이지에는 작업이 없습니다
refusal-action-ambiguous = 이 페이지에는 작업이 여러 개 있습니다: ?_action=<id> 형식으로 하나를 지정하세요
refusal-intent-without-page = 목록 행을 추가하거나 삭제하려면 페이지가 필요합니다: 양식을 해당 페이지로 보내세요

refusal-body-too-large = 요청 본문이 이 작업의 한도({ $limit }바이트)를 초과합니다
refusal-body-unreadable = 요청 본문을 읽을 수 없습니다
refusal-body-read-failed = 요청 본문을 읽을 수 없습니다: { $cause }
refusal-busy = 서버가 한꺼번에 너무 많은 제출을 받고 있습니다: 잠시 후 다시 시도하세요
refusal-once-token = 양식의 일회용 토큰이 바뀌었거나 다른 사이트에서 왔습니다: 페이지를 새로 고친 뒤 다시 보내세요
refusal-once-key = Idempotency-Key 헤더는 한 번만, 보이는 ASCII 문자 1~255자로 보내야 합니다
refusal-once-running = 이 양식은 이미 보내는 중입니다. 잠시 기다린 뒤 페이지를 새로 고치세요.
refusal-once-unavailable = 지금은 양식을 보낼 수 없습니다. 다시 시도하세요.

refusal-bound-missing = 이 작업의 바인딩된 인수가 없습니다
refusal-bound-malformed = 바인딩된 인수의 형식이 잘못되었습니다
refusal-bound-too-long = 바인딩된 인수가 너무 깁니다: 봉인된 값은 최대 { $max }자입니다
refusal-bound-rejected = 바인딩된 인수가 변경되었거나, 다른 작업의 것이거나, 더 이상 허용되지 않는 키로 봉인되었습니다
refusal-bound-expired = 바인딩된 인수가 만료되었습니다: 페이지를 새로 고친 후 다시 시도하세요
refusal-bound-undecodable = 바인딩된 인수의 구조가 예상과 다릅니다

refusal-too-many-fields = 필드가 너무 많습니다: 한도는 { $limit }개입니다
refusal-too-many-files = 파일이 너무 많습니다: 한도는 { $limit }개입니다
refusal-field-too-large = `{ $name }`의 값이 한도({ $limit }바이트)를 초과합니다
refusal-file-too-large = `{ $name }`의 파일이 한도({ $limit }바이트)를 초과합니다
refusal-name-too-long = 필드 이름이 한도({ $limit }바이트)를 초과합니다(시작 부분: `{ $start }`)
refusal-percent-encoding = { $offset }번 바이트의 퍼센트 인코딩이 잘못되었습니다
refusal-name-not-utf8-at = { $offset }번 바이트의 필드 이름이 올바른 UTF-8이 아닙니다
refusal-name-not-utf8 = 필드 이름이 올바른 UTF-8이 아닙니다
refusal-value-not-utf8 = `{ $name }`의 값이 올바른 UTF-8이 아닙니다
refusal-multipart-malformed = multipart 본문 형식이 잘못되었습니다: { $reason }
refusal-multipart-disposition-not-utf8 = multipart 본문 형식이 잘못되었습니다: `{ $name }` 파트의 Content-Disposition 헤더가 올바른 UTF-8이 아닙니다
refusal-multipart-disposition-not-utf8-unnamed = multipart 본문 형식이 잘못되었습니다: 어떤 파트의 Content-Disposition 헤더가 올바른 UTF-8이 아닙니다
refusal-multipart-ended-before-first-part = multipart 본문 형식이 잘못되었습니다: 첫 번째 파트 전에 본문이 끝났습니다(경계 문자열이 콘텐츠 유형의 것과 같습니까?)
refusal-multipart-no-closing-boundary = multipart 본문 형식이 잘못되었습니다: 닫는 경계 문자열 없이 본문이 끝났습니다
refusal-multipart-ended-in-part = multipart 본문 형식이 잘못되었습니다: `{ $name }` 파트 도중에 본문이 끝났습니다
refusal-multipart-ended-in-unnamed-part = multipart 본문 형식이 잘못되었습니다: 파트 도중에 본문이 끝났습니다
refusal-multipart-invalid-headers = multipart 본문 형식이 잘못되었습니다: 파트의 헤더가 잘못되었습니다
refusal-multipart-part-without-name = multipart 본문 형식이 잘못되었습니다: Content-Disposition 헤더에 이름이 없는 파트가 있습니다
refusal-multipart-no-boundary = 경계 문자열(boundary)이 없는 multipart 콘텐츠 유형
refusal-json-invalid = 잘못된 JSON: { $reason }
refusal-json-not-object = JSON 본문은 객체여야 합니다
refusal-json-too-deep = JSON 본문의 중첩이 한도({ $limit }단계)를 초과합니다

refusal-internal-error = 서버에서 문제가 발생했습니다. 다시 시도하세요.
refusal-timeout = 요청이 { $seconds }초 안에 완료되지 않았습니다. 다시 시도하세요.

## The enhancement script's own texts.

script-next-page-unavailable = 양식을 보냈지만 다음 페이지를 열 수 없습니다.
script-answer-unreadable = 서버의 응답을 읽을 수 없습니다. 다시 보내기 전에 결과를 확인하세요.
script-failed = 문제가 발생했습니다. 다시 시도하세요.
