# formaction: Japanese (ja). One plural category (other): no message selects.

## Field errors: one message per error code.

error-required = この項目は必須です
error-too-short = { $min }文字以上で入力してください
error-too-long = { $max }文字以内で入力してください
error-wrong-length = { $equal }文字で入力してください
error-too-few = { $min }個以上選択してください
error-too-many = { $max }個以内で選択してください
error-wrong-count = { $equal }個選択してください
error-too-small = { $min }以上の値を入力してください
error-too-big = { $max }以下の値を入力してください
error-not-greater = { $min }より大きい値を入力してください
error-not-less = { $max }より小さい値を入力してください
error-invalid-email = 有効なメールアドレスを入力してください
error-invalid-url = 有効なURLを入力してください
error-invalid-format = 指定された形式で入力してください
error-missing-text = 「{ $needle }」を含めてください
error-forbidden-text = 「{ $needle }」を含めないでください
error-mismatch = 「{ $other }」と同じ値を入力してください
error-control-character = 制御文字は使用できません
error-invalid-integer = 整数を入力してください
error-invalid-number = 数値を入力してください
error-invalid-decimal = 数値を入力してください
error-out-of-range = { $min }から{ $max }までの数値を入力してください
error-too-many-decimals = 小数点以下は{ $scale }桁以内にしてください
error-invalid-boolean = 「はい」か「いいえ」を選択してください
error-invalid-char = 1文字だけ入力してください
error-invalid-choice = 選択肢から1つ選んでください
error-invalid-date = 正しい日付を入力してください
error-invalid-time = 正しい時刻を入力してください
error-invalid-datetime = 正しい日付と時刻を入力してください
error-expected-file = ファイルを選択してください
error-expected-text = ファイルではなくテキストを入力してください
error-file-type = この種類のファイルは受け付けていません
error-file-content = このファイルの内容が種類と一致しません
error-file-too-large = ファイルは{ $size }以下にしてください
error-invalid-index = このリストの位置は無効です
error-invalid-ip = 有効なIPアドレスを入力してください
error-already-sent = このフォームはすでに送信されています。下の内容を確認してから、もう一度送信してください。
error-default = この値は無効です

## Labels the runtime writes into forms.

label-summary-title = 入力内容に問題があります
label-select-placeholder = 選択してください
label-submit = 送信
label-list-row = { $list } { $position }
label-remove-row = { $row }を削除
label-add-row = { $list }に行を追加

## Headings of the refusal page, by HTTP status.

status-400 = 不正なリクエスト
status-403 = アクセスが拒否されました
status-404 = 見つかりません
status-405 = 許可されていないメソッド
status-408 = リクエストがタイムアウトしました
status-413 = リクエストが大きすぎます
status-415 = サポートされていないメディアタイプ
status-500 = サーバー内部エラー
status-503 = サービスを利用できません
status-other = エラー

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = リクエストのホストを特定できません：プロキシのX-Forwarded-HostとForwardedが異なるホストを示しています
refusal-host-forwarded-schemes-differ = リクエストのスキームを特定できません：プロキシのX-Forwarded-ProtoとForwardedが異なるスキームを示しています
refusal-host-forwarded-not-ascii = リクエストのホストを特定できません：プロキシの{ $header }ヘッダーがASCIIではありません
refusal-host-forwarded-empty-entry = リクエストのホストを特定できません：プロキシの{ $header }ヘッダーが空のエントリで終わっています
refusal-host-forwarded-scheme-unknown = リクエストのスキームを特定できません：プロキシが示すスキームがhttpでもhttpsでもありません
refusal-host-forwarded-malformed = リクエストのホストを特定できません：プロキシのForwardedヘッダーの形式が正しくありません
refusal-host-several = リクエストにHostヘッダーが複数あります
refusal-host-missing = リクエストにHostヘッダーがありません
refusal-host-unknown-development = 不明なホスト `{ $host }`：FORMACTION_ORIGINが未設定のため、ループバックのホスト（localhost、*.localhost、127.0.0.1、[::1]）にのみ応答します。FORMACTION_ORIGINにこのアプリのオリジンを設定してください
refusal-host-unknown = 不明なホスト `{ $host }`：このアプリはその名前には応答しません

refusal-cross-origin-several = クロスサイトリクエストを拒否しました：{ $header }ヘッダーが複数あります
refusal-cross-origin-no-source = クロスサイトリクエストを拒否しました：リクエストにOriginもRefererもありません
refusal-cross-origin-no-host = クロスサイトリクエストを拒否しました：リクエストにHostヘッダーがありません
refusal-cross-origin = クロスサイトリクエストを拒否しました：{ $header }がこのサイトと一致しません

refusal-content-type-unreadable = コンテンツタイプを読み取れません
refusal-content-type-unsupported = サポートされていないコンテンツタイプ `{ $content_type }`：application/x-www-form-urlencoded、multipart/form-data、application/jsonのいずれかで送信してください
refusal-content-type-unknown = サポートされていないコンテンツタイプ `{ $content_type }`
refusal-content-type-missing = サポートされていないコンテンツタイプ：リクエストにContent-Typeがありません
refusal-content-encoding-unsupported = サポートされていないContent-Encoding `{ $encoding }`：本文を圧縮せずに送信してください

refusal-action-unknown = このページにはアクション `{ $action }` がありません
refusal-no-actions = このページにはアクションがありません
refusal-action-ambiguous = このページには複数のアクションがあります：?_action=<id> でどれか1つを指定してください
refusal-intent-without-page = リストの行を追加・削除するにはページが必要です：フォームをそのページに送信してください

refusal-body-too-large = リクエスト本文がこのアクションの上限（{ $limit }バイト）を超えています
refusal-body-unreadable = リクエスト本文を読み取れませんでした
refusal-body-read-failed = リクエスト本文を読み取れませんでした：{ $cause }
refusal-busy = サーバーが一度に多くの送信を受けています：しばらくしてからもう一度お試しください
refusal-once-token = フォームのワンタイムトークンが変更されているか、別のサイトのものです：ページを再読み込みして、もう一度送信してください
refusal-once-key = Idempotency-Key ヘッダーは一度だけ、表示可能な ASCII 文字 1〜255 文字で指定してください
refusal-once-running = このフォームはすでに送信中です。少し待ってから、ページを再読み込みしてください。
refusal-once-unavailable = いまはフォームを送信できませんでした。もう一度お試しください。

refusal-bound-missing = このアクションのバインドされた引数がありません
refusal-bound-malformed = バインドされた引数の形式が正しくありません
refusal-bound-too-long = バインドされた引数が長すぎます：封印された値は最大{ $max }文字です
refusal-bound-rejected = バインドされた引数が変更されたか、別のアクションのものか、受け付けられなくなった鍵で封印されています
refusal-bound-expired = バインドされた引数の有効期限が切れています：ページを再読み込みしてもう一度お試しください
refusal-bound-undecodable = バインドされた引数が想定された構造ではありません

refusal-too-many-fields = フィールドが多すぎます：上限は{ $limit }です
refusal-too-many-files = ファイルが多すぎます：上限は{ $limit }です
refusal-field-too-large = `{ $name }` の値が上限（{ $limit }バイト）を超えています
refusal-file-too-large = `{ $name }` のファイルが上限（{ $limit }バイト）を超えています
refusal-name-too-long = フィールド名が上限（{ $limit }バイト）を超えています（先頭は `{ $start }`）
refusal-percent-encoding = { $offset }バイト目のパーセントエンコーディングが無効です
refusal-name-not-utf8-at = { $offset }バイト目のフィールド名が有効なUTF-8ではありません
refusal-name-not-utf8 = フィールド名が有効なUTF-8ではありません
refusal-value-not-utf8 = `{ $name }` の値が有効なUTF-8ではありません
refusal-multipart-malformed = multipart本文の形式が正しくありません：{ $reason }
refusal-multipart-disposition-not-utf8 = multipart本文の形式が正しくありません：パート `{ $name }` のContent-Dispositionが有効なUTF-8ではありません
refusal-multipart-disposition-not-utf8-unnamed = multipart本文の形式が正しくありません：あるパートのContent-Dispositionが有効なUTF-8ではありません
refusal-multipart-ended-before-first-part = multipart本文の形式が正しくありません：最初のパートの前で本文が終わっています（境界文字列はコンテンツタイプのものと同じですか？）
refusal-multipart-no-closing-boundary = multipart本文の形式が正しくありません：終わりの境界文字列がないまま本文が終わっています
refusal-multipart-ended-in-part = multipart本文の形式が正しくありません：パート `{ $name }` の途中で本文が終わっています
refusal-multipart-ended-in-unnamed-part = multipart本文の形式が正しくありません：パートの途中で本文が終わっています
refusal-multipart-invalid-headers = multipart本文の形式が正しくありません：パートのヘッダーが無効です
refusal-multipart-part-without-name = multipart本文の形式が正しくありません：Content-Dispositionに名前のないパートがあります
refusal-multipart-no-boundary = 境界文字列（boundary）のないmultipartコンテンツタイプです
refusal-json-invalid = 無効なJSON：{ $reason }
refusal-json-not-object = JSON本文はオブジェクトである必要があります
refusal-json-too-deep = JSON本文の入れ子が上限（{ $limit }階層）を超えています

refusal-internal-error = サーバー側で問題が発生しました。もう一度お試しください。
refusal-timeout = リクエストが{ $seconds }秒以内に完了しませんでした。もう一度お試しください。

## The enhancement script's own texts.

script-next-page-unavailable = フォームは送信されましたが、次のページを開けませんでした。
script-answer-unreadable = サーバーの応答を読み取れませんでした。再送信する前に結果を確認してください。
script-failed = 問題が発生しました。もう一度お試しください。
