# formaction: Chinese, Simplified (zh-CN). One plural category (other): no message selects.
# A space separates Chinese text from numbers and Latin words.

## Field errors: one message per error code.

error-required = 此项为必填项
error-too-short = 请至少输入 { $min } 个字符
error-too-long = 最多只能输入 { $max } 个字符
error-wrong-length = 请输入恰好 { $equal } 个字符
error-too-few = 请至少选择 { $min } 项
error-too-many = 最多只能选择 { $max } 项
error-wrong-count = 请恰好选择 { $equal } 项
error-too-small = 值不能小于 { $min }
error-too-big = 值不能大于 { $max }
error-not-greater = 值必须大于 { $min }
error-not-less = 值必须小于 { $max }
error-invalid-email = 请输入有效的电子邮件地址
error-invalid-url = 请输入有效的网址
error-invalid-format = 请按要求的格式输入
error-missing-text = 必须包含“{ $needle }”
error-forbidden-text = 不能包含“{ $needle }”
error-mismatch = 必须与“{ $other }”一致
error-control-character = 不能包含控制字符
error-invalid-integer = 请输入整数
error-invalid-number = 请输入数字
error-invalid-decimal = 请输入数字
error-out-of-range = 请输入 { $min } 到 { $max } 之间的数字
error-too-many-decimals = 小数位数不能超过 { $scale } 位
error-invalid-boolean = 请选择“是”或“否”
error-invalid-char = 请输入单个字符
error-invalid-choice = 请从选项中选择一项
error-invalid-date = 请输入有效的日期
error-invalid-time = 请输入有效的时间
error-invalid-datetime = 请输入有效的日期和时间
error-expected-file = 请选择文件
error-expected-text = 请输入文本，而不是文件
error-file-type = 不接受此类型的文件
error-file-content = 此文件的内容与其类型不符
error-file-too-large = 文件不能超过 { $size }
error-invalid-index = 此列表位置无效
error-invalid-ip = 请输入有效的 IP 地址
error-already-sent = 此表单已经提交过。请检查下面的内容，然后再次提交。
error-default = 此值无效

## Labels the runtime writes into forms.

label-summary-title = 存在问题
label-select-placeholder = 请选择…
label-submit = 提交
label-list-row = { $list } { $position }
label-remove-row = 删除 { $row }
label-add-row = 向 { $list } 添加一行

## Headings of the refusal page, by HTTP status.

status-400 = 请求无效
status-403 = 禁止访问
status-404 = 未找到
status-405 = 不允许的方法
status-408 = 请求超时
status-413 = 请求过大
status-415 = 不支持的媒体类型
status-500 = 服务器内部错误
status-503 = 服务不可用
status-other = 错误

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = 无法确定请求的主机：代理的 X-Forwarded-Host 与 Forwarded 指明了不同的主机
refusal-host-forwarded-schemes-differ = 无法确定请求的协议：代理的 X-Forwarded-Proto 与 Forwarded 指明了不同的协议
refusal-host-forwarded-not-ascii = 无法确定请求的主机：代理的 { $header } 标头不是 ASCII
refusal-host-forwarded-empty-entry = 无法确定请求的主机：代理的 { $header } 标头以空条目结尾
refusal-host-forwarded-scheme-unknown = 无法确定请求的协议：代理给出的协议既不是 http 也不是 https
refusal-host-forwarded-malformed = 无法确定请求的主机：代理的 Forwarded 标头格式错误
refusal-host-several = 请求含有多个 Host 标头
refusal-host-missing = 请求没有 Host 标头
refusal-host-unknown-development = 未知主机 `{ $host }`：未设置 FORMACTION_ORIGIN 时只响应回环主机（localhost、*.localhost、127.0.0.1、[::1]）；请将 FORMACTION_ORIGIN 设为此应用的源
refusal-host-unknown = 未知主机 `{ $host }`：此应用不响应该名称

refusal-cross-origin-several = 已拒绝跨站请求：有多个 { $header } 标头
refusal-cross-origin-no-source = 已拒绝跨站请求：请求既没有 Origin 也没有 Referer
refusal-cross-origin-no-host = 已拒绝跨站请求：请求没有 Host 标头
refusal-cross-origin = 已拒绝跨站请求：{ $header } 与本站不匹配

refusal-content-type-unreadable = 无法读取内容类型
refusal-content-type-unsupported = 不支持的内容类型 `{ $content_type }`：请发送 application/x-www-form-urlencoded、multipart/form-data 或 application/json
refusal-content-type-unknown = 不支持的内容类型 `{ $content_type }`
refusal-content-type-missing = 不支持的内容类型：请求没有 Content-Type
refusal-content-encoding-unsupported = 不支持的 Content-Encoding `{ $encoding }`：请发送未压缩的请求体

refusal-action-unknown = 此页面没有操作 `{ $action }`
refusal-no-actions = 此页面没有任何操作
refusal-action-ambiguous = 此页面有多个操作：请用 ?_action=<id> 指定其中一个
refusal-intent-without-page = 添加或删除列表行需要页面：请将表单提交到其所在页面

refusal-body-too-large = 请求体超过了此操作 { $limit } 字节的上限
refusal-body-unreadable = 无法读取请求体
refusal-body-read-failed = 无法读取请求体：{ $cause }
refusal-busy = 服务器同时收到的提交过多：请稍后再试
refusal-once-token = 表单的一次性令牌已被修改或来自其他网站：请重新加载页面后再次提交
refusal-once-key = Idempotency-Key 标头只能提供一次，且须为 1 到 255 个可见 ASCII 字符
refusal-once-running = 此表单正在提交中。请稍候，然后重新加载页面。
refusal-once-unavailable = 表单暂时无法提交。请重试。

refusal-bound-missing = 此操作的绑定参数缺失
refusal-bound-malformed = 绑定参数格式错误
refusal-bound-too-long = 绑定参数过长：密封值最多 { $max } 个字符
refusal-bound-rejected = 绑定参数已被修改、属于其他操作，或是用已不再接受的密钥密封的
refusal-bound-expired = 绑定参数已过期：请重新加载页面后再试
refusal-bound-undecodable = 绑定参数的结构不符合预期

refusal-too-many-fields = 字段过多：上限为 { $limit }
refusal-too-many-files = 文件过多：上限为 { $limit }
refusal-field-too-large = `{ $name }` 的值超过了 { $limit } 字节的上限
refusal-file-too-large = `{ $name }` 中的文件超过了 { $limit } 字节的上限
refusal-name-too-long = 某个字段名超过了 { $limit } 字节的上限（开头为 `{ $start }`）
refusal-percent-encoding = 第 { $offset } 字节处的百分号编码无效
refusal-name-not-utf8-at = 第 { $offset } 字节处的字段名不是有效的 UTF-8
refusal-name-not-utf8 = 某个字段名不是有效的 UTF-8
refusal-value-not-utf8 = `{ $name }` 的值不是有效的 UTF-8
refusal-multipart-malformed = multipart 请求体格式错误：{ $reason }
refusal-multipart-disposition-not-utf8 = multipart 请求体格式错误：部分 `{ $name }` 的 Content-Disposition 不是有效的 UTF-8
refusal-multipart-disposition-not-utf8-unnamed = multipart 请求体格式错误：某个部分的 Content-Disposition 不是有效的 UTF-8
refusal-multipart-ended-before-first-part = multipart 请求体格式错误：请求体在第一个部分之前就结束了（分隔符是否与内容类型中的一致？）
refusal-multipart-no-closing-boundary = multipart 请求体格式错误：请求体缺少结束分隔符就结束了
refusal-multipart-ended-in-part = multipart 请求体格式错误：请求体在部分 `{ $name }` 中途结束
refusal-multipart-ended-in-unnamed-part = multipart 请求体格式错误：请求体在某个部分中途结束
refusal-multipart-invalid-headers = multipart 请求体格式错误：某个部分的标头无效
refusal-multipart-part-without-name = multipart 请求体格式错误：某个部分的 Content-Disposition 中没有名称
refusal-multipart-no-boundary = 缺少分隔符（boundary）的 multipart 内容类型
refusal-json-invalid = 无效的 JSON：{ $reason }
refusal-json-not-object = JSON 请求体必须是对象
refusal-json-too-deep = JSON 请求体的嵌套深度超过了 { $limit } 层的上限

refusal-internal-error = 我们这边出了问题。请重试。
refusal-timeout = 请求未能在 { $seconds } 秒内完成。请重试。

## The enhancement script's own texts.

script-next-page-unavailable = 表单已提交，但无法打开下一页。
script-answer-unreadable = 无法读取服务器的响应。请先确认结果，再重新提交。
script-failed = 出了点问题。请重试。
