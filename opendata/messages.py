"""The message catalogue: every user-facing sentence of opendata, zh-CN (default) and English.

Messages are looked up by a stable key; code never builds user-facing text by hand. The language is,
in order: the ``lang`` argument, :func:`set_language`, the ``OPENDATA_LANG`` environment variable,
then Chinese. Parameters are filled with :meth:`str.format`; a missing parameter is shown as
``{name}`` rather than raising, so a message never hides the error that produced it.
"""

from __future__ import annotations

import os
import string
from typing import Any

LANGUAGES = ("zh", "en")
_current: str | None = None

# key -> {"zh": ..., "en": ...}
MESSAGES: dict[str, dict[str, str]] = {
    # ---- 受限开放 on application: apply, grant, deliver, receive, trace (opendata/delivery) --------
    "delivery.unreadable": {"zh": "{path}：不是可读的 JSON 对象", "en": "{path}: not a readable JSON object"},
    "delivery.bad_id": {"zh": "无效的编号“{id}”", "en": "invalid id \"{id}\""},
    "delivery.key_exists": {
        "zh": "{path} 已存在：不会覆盖接收方私钥（丢失私钥将无法解密已交付的数据）",
        "en": "{path} exists: a recipient's private key is never overwritten (losing it loses every extract made for it)",
    },
    "delivery.bad_recipient_key": {
        "zh": "{path}：不是 X25519 接收方密钥（请用 opendata keys recipient 生成）",
        "en": "{path}: not an X25519 recipient key (make one with opendata keys recipient)",
    },
    "delivery.missing_value": {"zh": "缺少 {option}", "en": "{option} is missing"},
    "delivery.unknown_field": {
        "zh": "数据集中没有字段“{field}”（已有：{known}）",
        "en": "the dataset has no field \"{field}\" (it has: {known})",
    },
    "delivery.not_requested": {
        "zh": "字段“{field}”不在申请范围内：批准不能超出申请",
        "en": "field \"{field}\" was not requested: a grant never gives more than was asked for",
    },
    "delivery.bad_rows": {
        "zh": "行范围“{spec}”无效，应为 字段=值1,值2",
        "en": "invalid row selection \"{spec}\", expected FIELD=VALUE1,VALUE2",
    },
    "delivery.rows_personal": {
        "zh": "字段“{field}”含个人信息，不能用来选择行（选择条件会写入批准书）",
        "en": "field \"{field}\" holds personal information and cannot select rows (the selection is written into the grant)",
    },
    "delivery.rows_not_requested": {
        "zh": "行范围“{spec}”超出申请的范围",
        "en": "row selection \"{spec}\" goes beyond what the application asked for",
    },
    "delivery.bad_date": {"zh": "日期“{value}”无效，应为 YYYY-MM-DD", "en": "invalid date \"{value}\", expected YYYY-MM-DD"},
    "delivery.until_past": {"zh": "使用期限 {until} 已过", "en": "the period of use ends in the past ({until})"},
    "delivery.until_too_far": {
        "zh": "使用期限 {until} 超过策略允许的最长 {days} 天",
        "en": "the period of use ({until}) is longer than the policy's maximum of {days} days",
    },
    "delivery.until_beyond_application": {
        "zh": "批准的使用期限 {until} 长于申请的 {asked}",
        "en": "the granted period ({until}) is longer than the one asked for ({asked})",
    },
    "delivery.not_restricted": {
        "zh": "数据集“{name}”的开放属性是 {openness}，不是受限开放：无需（或不能）申请",
        "en": "dataset \"{name}\" is {openness}, not restricted: there is nothing to apply for",
    },
    "delivery.unknown_application": {
        "zh": "本部门没有编号为 {id} 的申请记录",
        "en": "this department has no application {id}",
    },
    "delivery.application_tampered": {
        "zh": "{path}：申请文件与部门登记的记录不一致（被修改或签名无效），拒绝处理",
        "en": "{path}: the application differs from the one the department recorded (edited, or its signature "
        "fails); refused",
    },
    "delivery.already_decided": {
        "zh": "申请 {id} 已经作出决定（批准或拒绝）；如需变更请重新申请",
        "en": "application {id} has already been decided (granted or refused); a change needs a new application",
    },
    "delivery.no_treatment": {
        "zh": "字段“{field}”（{grade}）没有策略允许的交付处理方式",
        "en": "field \"{field}\" ({grade}): the policy allows no delivery treatment for it",
    },
    "delivery.too_weak": {
        "zh": "字段“{field}”（{grade}）的处理“{operator}”弱于策略要求的最低处理“{minimum}”或不适用于该类型（可选：{allowed}）",
        "en": "field \"{field}\" ({grade}): treatment \"{operator}\" is weaker than the policy's minimum \"{minimum}\" "
        "or not accepted for its type (allowed: {allowed})",
    },
    "delivery.not_a_grant": {"zh": "不是批准书（format = {format}）", "en": "not a grant (format = {format})"},
    "delivery.grant_tampered": {
        "zh": "批准书 {id} 的签名无效：内容被修改过，拒绝",
        "en": "grant {id}: the signature does not match its content (it was edited); refused",
    },
    "delivery.grant_untrusted": {
        "zh": "批准书的签名密钥 {key_id} 不是受信任的审核人密钥",
        "en": "the grant is signed with {key_id}, which is not a trusted reviewer key",
    },
    "delivery.unknown_grant": {
        "zh": "本部门没有签发过批准书 {id}（或它与部门存档不一致）",
        "en": "this department never issued grant {id} (or it differs from the department's copy)",
    },
    "delivery.grant_expired": {
        "zh": "批准书 {id} 已于 {expires} 到期，拒绝",
        "en": "grant {id} expired at {expires}; refused",
    },
    "delivery.grant_revoked": {
        "zh": "批准书 {id} 已于 {when} 撤销，拒绝",
        "en": "grant {id} was revoked at {when}; refused",
    },
    "delivery.field_missing": {
        "zh": "数据包“{dataset}”中没有批准的字段 {field}",
        "en": "package \"{dataset}\" has no granted field {field}",
    },
    "delivery.pii_uncertain": {
        "zh": "字段“{field}”可能含个人信息但尚未确认（请先在描述文件中声明），拒绝交付",
        "en": "field \"{field}\" may hold personal information nobody has decided on (declare it first); refused",
    },
    "delivery.grade_too_high": {
        "zh": "按批准的处理方式，交付数据的等级仍为 {grade}，不允许受限开放",
        "en": "treated as granted, the extract is still graded {grade}, which may not be opened even on application",
    },
    "delivery.other_dataset": {
        "zh": "批准书针对数据集“{granted}”，而数据包是“{name}”",
        "en": "the grant is for dataset \"{granted}\", the package is \"{name}\"",
    },
    "delivery.invalid_input": {
        "zh": "数据包“{name}”不符合其表结构（{count} 个问题），不能交付；请先运行 opendata check",
        "en": "package \"{name}\" breaks its schema ({count} problems) and is not delivered; run opendata check",
    },
    "delivery.residual": {
        "zh": "处理后字段“{field}”仍含未处理的个人信息（{type}，{count} 处），拒绝交付",
        "en": "after treatment, field \"{field}\" still holds untreated personal information ({type}, {count}); "
        "refused",
    },
    "delivery.bad_manifest": {"zh": "交付清单无效：{what}", "en": "the delivery manifest is invalid: {what}"},
    "delivery.manifest_tampered": {
        "zh": "{path}：交付清单签名无效或不是批准书指定的部门密钥所签",
        "en": "{path}: the manifest's signature fails, or it is not signed by the department key the grant names",
    },
    "delivery.not_pinned": {
        "zh": "交付清单由密钥 {key_id} 签名，而不是 {path} 中的部门密钥，拒绝",
        "en": "the manifest is signed by {key_id}, not by the department key in {path}; refused",
    },
    "delivery.unpinned": {
        "zh": "注意：未用 --trust 固定部门公钥；请与部门公布的交付公钥核对密钥标识 {key_id}",
        "en": "note: no department key pinned with --trust; compare key id {key_id} with the delivery key the "
        "department publishes",
    },
    "delivery.wrong_password": {
        "zh": "密码不正确：无法解密这批数据（请核对部门另行发送的密码）",
        "en": "wrong password: this delivery cannot be decrypted (check the password the department sent apart)",
    },
    "delivery.weak_password": {
        "zh": "密码太短：至少 {minimum} 个字符（可让 deliver 自动生成：给出一个尚不存在的 --password-file）",
        "en": "the password is too short: at least {minimum} characters (deliver makes one when --password-file "
        "names a file that does not exist yet)",
    },
    "delivery.bad_password_file": {
        "zh": "密码文件 {path} 应只有一行密码（UTF-8，不超过 1 KiB）",
        "en": "the password file {path} must hold one line, the password (UTF-8, at most 1 KiB)",
    },
    "delivery.needs_password": {
        "zh": "这批数据以密码加密：请用 --password-file 给出部门另行发送的密码",
        "en": "this delivery is sealed with a password: give the one the department sent apart with --password-file",
    },
    "delivery.needs_key": {
        "zh": "这批数据加密给接收方密钥：请用 --key 给出 recipient.key",
        "en": "this delivery is encrypted to the recipient key: give recipient.key with --key",
    },
    "delivery.key_or_password": {
        "zh": "请给出 --key 或 --password-file 之一（只给一个）",
        "en": "give either --key or --password-file (one of them)",
    },
    "delivery.delivered_password": {
        "zh": "已交付 {grant}：{rows} 行，{fields} 个字段，以密码加密（scrypt）：{path}",
        "en": "delivered {grant}: {rows} rows, {fields} fields, sealed with a password (scrypt): {path}",
    },
    "delivery.password_apart": {
        "zh": "密码取自 {file}：请通过另一渠道（电话、信函、短信）发给接收方，切勿与数据一同发送",
        "en": "the password is the one in {file}: send it to the recipient by another channel (telephone, letter, "
        "SMS), never with the extract",
    },
    "delivery.password_created": {
        "zh": "已生成新密码并写入 {file}（仅本人可读）：请通过另一渠道（电话、信函、短信）发给接收方，切勿与数据一同发送",
        "en": "a new password was written to {file} (readable by you only): send it to the recipient by another "
        "channel (telephone, letter, SMS), never with the extract",
    },
    "delivery.wrong_key": {
        "zh": "密钥 {key_id} 不是这批数据的接收方密钥（应为 {wanted}）",
        "en": "key {key_id} is not the recipient key of this delivery ({wanted} is)",
    },
    "delivery.payload_damaged": {
        "zh": "文件 {file} 的密文被修改、截断或不完整，无法解密",
        "en": "the encrypted {file} was changed, cut short or is incomplete; it cannot be decrypted",
    },
    "delivery.file_changed": {"zh": "文件 {file} 与交付清单不符", "en": "{file} differs from the manifest"},
    "delivery.file_missing": {"zh": "缺少文件 {file}", "en": "{file} is missing"},
    "delivery.terms": {
        "zh": "数据使用协议：申请方仅为所述目的在使用期限内使用所获数据；不得向第三方提供、公开或尝试重新识别个人；"
        "期满或批准撤销后删除全部副本；每份交付数据均带有可追溯至申请方的标记，"
        "其中包括少量合成的对照记录（条数见交付清单，不对应任何真实个人，不得当作真实记录使用，不得尝试识别或删除）。",
        "en": "Terms of use: the applicant uses the data only for the stated purpose and within the period of use; "
        "does not pass it on, publish it or attempt to re-identify anyone; deletes every copy when the period ends "
        "or the grant is revoked; every extract carries marks that trace it to its recipient, among them a few "
        "synthetic control rows (their number is in the delivery manifest; they are no real person, must not be "
        "used as real records, and must not be sought out or removed).",
    },
    "delivery.recipient_created": {
        "zh": "已生成接收方密钥 {key_id}：私钥 {private}（请妥善保管，切勿发送），公钥 {public}（随申请提交）",
        "en": "recipient key {key_id} created: private key {private} (keep it, never send it), public key {public} "
        "(send it with the application)",
    },
    "delivery.applied": {
        "zh": "已登记申请 {id}（数据集 {dataset}，{fields} 个字段，使用至 {until}）：{path}",
        "en": "application {id} recorded (dataset {dataset}, {fields} fields, until {until}): {path}",
    },
    "delivery.review_head": {
        "zh": "申请 {id}：{organisation} 申请数据集 {dataset}（等级 {grade}），使用至 {until}\n用途：{purpose}",
        "en": "application {id}: {organisation} asks for dataset {dataset} (grade {grade}) until {until}\nPurpose: {purpose}",
    },
    "delivery.review_field": {
        "zh": "  {field}  等级 {grade}  类型 {types}  最低处理 {minimum}  → 批准处理 {treatment}（可选 {allowed}）",
        "en": "  {field}  grade {grade}  types {types}  minimum {minimum}  → granted as {treatment} (allowed {allowed})",
    },
    "delivery.review_rows": {"zh": "  只交付 {field} 为以下值的行：{values}", "en": "  only rows whose {field} is one of: {values}"},
    "delivery.review_not_requested": {"zh": "  未申请的字段：{fields}", "en": "  fields not requested: {fields}"},
    "delivery.confirm": {"zh": "以 {reviewer} 的身份签署批准？[y/N] ", "en": "Sign the grant as {reviewer}? [y/N] "},
    "delivery.declined": {"zh": "未签署批准", "en": "grant not signed"},
    "delivery.granted": {
        "zh": "已批准 {id}：{organisation}，{fields} 个字段，至 {expires} 到期；批准书 {path}",
        "en": "granted {id}: {organisation}, {fields} fields, expires {expires}; grant written to {path}",
    },
    "delivery.refused": {"zh": "已拒绝申请 {id}（理由已记入内部审计日志）", "en": "application {id} refused (the reason is in the private audit log)"},
    "delivery.revoked": {"zh": "已撤销批准 {id}", "en": "grant {id} revoked"},
    "delivery.delivered": {
        "zh": "已交付 {grant}：{rows} 行，{fields} 个字段，已加密给接收方密钥 {key}：{path}",
        "en": "delivered {grant}: {rows} rows, {fields} fields, encrypted to recipient key {key}: {path}",
    },
    "delivery.received": {
        "zh": "已解密并核验 {count} 个文件（批准书 {grant}，部门密钥 {department}，审核人 {reviewer} 密钥 {reviewer_key}）：{path}",
        "en": "decrypted and verified {count} files (grant {grant}, department key {department}, reviewer {reviewer} "
        "key {reviewer_key}): {path}",
    },
    "delivery.verified": {
        "zh": "核验通过：{count} 个文件与签名的交付清单一致（批准书 {grant}，部门密钥 {department}）",
        "en": "verified: {count} files match the signed manifest (grant {grant}, department key {department})",
    },
    "delivery.trace_disagrees": {
        "zh": "审计日志中批准书 {grant} 的接收方与签名的批准书不一致，拒绝溯源",
        "en": "the audit log's recipient of grant {grant} differs from the signed grant; not traced",
    },
    "delivery.trace_named": {
        "zh": "溯源：来自批准书 {grant}（接收方 {organisation}，数据集 {dataset}），置信度 {confidence}；"
        "{tokens} 个假名中 {tokens_ok} 个、{masked} 个掩码值中 {masks_ok} 个带有其标记，其 {canaries} 条合成对照记录中找到 {canaries_found} 条",
        "en": "traced to grant {grant} (recipient {organisation}, dataset {dataset}), confidence {confidence}; "
        "{tokens_ok} of {tokens} pseudonyms and {masks_ok} of {masked} masked values carry its marks, "
        "{canaries_found} of its {canaries} synthetic control rows are in the file",
    },
    "delivery.trace_nobody": {
        "zh": "无法确定来源：文件中的标记不足以指认任何接收方（检验 {grants} 份批准书；{tokens} 个假名、"
        "{masked} 个掩码值；最接近的 {best}，置信度 {confidence}，指认需达到 {needed}）",
        "en": "cannot name a recipient: the file's marks do not single anyone out ({grants} grants tested; "
        "{tokens} pseudonyms, {masked} masked values; closest {best}, confidence {confidence}, naming needs "
        "{needed})",
    },
    # ---- input and descriptors -------------------------------------------------------------
    "input.not_found": {
        "zh": "找不到文件或目录：{path}",
        "en": "File or directory not found: {path}",
    },
    "engine.unknown": {
        "zh": "未知的运行引擎“{engine}”（可选：{known}）",
        "en": "Unknown engine \"{engine}\" (known: {known})",
    },
    "engine.spark_missing": {
        "zh": "使用 Spark 引擎需要 pyspark 和 Java：请运行 pip install 'opendata-zj[spark]'（开发环境：scripts/setup --spark）",
        "en": "The Spark engine needs pyspark and Java: run pip install 'opendata-zj[spark]' (developers: "
        "scripts/setup --spark)",
    },
    "engine.spark_conf": {
        "zh": "OPENDATA_SPARK_CONF 中的设置“{setting}”不是 key=value 形式",
        "en": "The setting \"{setting}\" in OPENDATA_SPARK_CONF is not of the form key=value",
    },
    "engine.spark_sample": {
        "zh": "Spark 引擎总是扫描全部行，不支持 --sample；去掉 --sample 或使用本机引擎",
        "en": "The Spark engine scans every row and has no --sample; drop --sample or use the local engine",
    },
    "engine.spark_input": {
        "zh": "Spark 引擎的输入须为数据包或 Spark DataFrame，收到的是 {kind}",
        "en": "The Spark engine takes a data package or a Spark DataFrame, not {kind}",
    },
    "input.no_parts": {
        "zh": "{path}：目录中没有可读取的数据分片（CSV、XLSX、JSON 或 Parquet 文件）",
        "en": "{path}: the directory holds no data parts (CSV, XLSX, JSON or Parquet files)",
    },
    "input.part_header": {
        "zh": "{path}：表头与第一个分片 {first} 的表头不同；同一表的各分片须有相同的表头",
        "en": "{path}: its header differs from that of the first part, {first}; all parts of a table "
        "need the same header",
    },
    "input.unsupported_format": {
        "zh": "{path}：不支持的文件格式“{format}”（支持 CSV、XLSX、JSON、Parquet）",
        "en": "{path}: unsupported file format \"{format}\" (CSV, XLSX, JSON and Parquet are supported)",
    },
    "input.unreadable": {
        "zh": "{path}：无法读取文件：{reason}",
        "en": "{path}: cannot read the file: {reason}",
    },
    "input.encoding": {
        "zh": "{path}：第 {row} 行附近无法按 {encoding} 编码解码；请将文件另存为 UTF-8 或 GB18030 后重试",
        "en": "{path}: cannot decode the data near row {row} as {encoding}; save the file as UTF-8 or "
        "GB18030 and try again",
    },
    "input.encoding_unknown": {
        "zh": "{path}：无法识别文件编码（不是 UTF-8、GBK 或 GB18030）",
        "en": "{path}: cannot recognise the file encoding (not UTF-8, GBK or GB18030)",
    },
    "input.empty": {
        "zh": "{path}：文件为空，没有表头",
        "en": "{path}: the file is empty and has no header row",
    },
    "input.json_shape": {
        "zh": "{path}：JSON 数据应为对象数组（[{{...}}, ...]）或数组的数组（首行为表头）",
        "en": "{path}: JSON data must be an array of objects ([{{...}}, ...]) or an array of arrays "
        "(header first)",
    },
    "input.path_escape": {
        "zh": "{path}：资源路径“{resource_path}”超出数据包目录，出于安全原因拒绝读取",
        "en": "{path}: resource path \"{resource_path}\" points outside the package directory and is "
        "refused for safety",
    },
    "input.remote_path": {
        "zh": "{path}：资源“{resource}”使用远程地址“{resource_path}”；请先下载到数据包目录",
        "en": "{path}: resource \"{resource}\" uses the remote address \"{resource_path}\"; download it "
        "into the package directory first",
    },
    "input.schema_inferred": {
        "zh": "{path}：没有 datapackage.json，已根据数据推断表结构（{fields} 个字段）；"
        "发布前请补充描述文件",
        "en": "{path}: no datapackage.json; the table schema was inferred from the data ({fields} "
        "fields); add a descriptor before publishing",
    },
    "input.encoding_detected": {
        "zh": "{path}：检测到编码 {encoding}",
        "en": "{path}: detected encoding {encoding}",
    },
    "input.resource_unknown": {
        "zh": "数据包中没有名为“{resource}”的资源（已有：{names}）",
        "en": "the package has no resource named \"{resource}\" (it has: {names})",
    },
    "descriptor.invalid_json": {
        "zh": "{path}：不是有效的 JSON（第 {line} 行第 {column} 列）：{reason}",
        "en": "{path}: not valid JSON (line {line}, column {column}): {reason}",
    },
    "descriptor.invalid": {
        "zh": "{path}：描述文件无效：{where}：{reason}",
        "en": "{path}: invalid descriptor: {where}: {reason}",
    },
    "descriptor.unknown_field_type": {
        "zh": "{path}：资源“{resource}”的字段“{field}”使用了未知类型“{type}”"
        "（可用类型：{known}）",
        "en": "{path}: field \"{field}\" of resource \"{resource}\" has the unknown type \"{type}\" "
        "(known types: {known})",
    },
    "descriptor.no_resources": {
        "zh": "{path}：数据包没有任何资源（resources 为空）",
        "en": "{path}: the package has no resources",
    },
    "descriptor.bad_name": {
        "zh": "{path}：名称“{name}”无效：只能使用小写字母、数字、“-”、“_”和“.”",
        "en": "{path}: invalid name \"{name}\": use lower-case letters, digits, \"-\", \"_\" and \".\" only",
    },
    "descriptor.bad_pattern": {
        "zh": "{path}：字段“{field}”的 pattern 约束不是有效的正则表达式：{reason}",
        "en": "{path}: the pattern constraint of field \"{field}\" is not a valid regular expression: "
        "{reason}",
    },
    "descriptor.unknown_key_field": {
        "zh": "{path}：资源“{resource}”的{key}引用了不存在的字段“{field}”",
        "en": "{path}: the {key} of resource \"{resource}\" names the unknown field \"{field}\"",
    },
    "descriptor.unknown_reference": {
        "zh": "{path}：资源“{resource}”的外键引用了不存在的资源“{reference}”",
        "en": "{path}: a foreign key of resource \"{resource}\" refers to the unknown resource "
        "\"{reference}\"",
    },
    "descriptor.schema_missing": {
        "zh": "{path}：资源“{resource}”没有表结构（schema）",
        "en": "{path}: resource \"{resource}\" has no table schema",
    },
    "descriptor.unknown_term": {
        "zh": "{path}：{property} 的值“{value}”不在目录中（可用值：{known}）",
        "en": "{path}: {property} has the unknown value \"{value}\" (known values: {known})",
    },
    "policy.invalid_yaml": {
        "zh": "{path}：策略文件不是有效的 YAML（第 {line} 行第 {column} 列）：{reason}",
        "en": "{path}: the policy is not valid YAML (line {line}, column {column}): {reason}",
    },
    "catalog.missing": {
        "zh": "{path} 不是已有的 opendata 本地目录（先用 opendata publish 发布数据集）",
        "en": "{path} is not an existing opendata local catalogue (publish a dataset into it first)",
    },
    "regrade.local_only": {
        "zh": "regrade 目前只支持本地目录，不支持 {catalog}",
        "en": "regrade works on local catalogues only, not on {catalog}",
    },
    "policy.unknown_grade": {
        "zh": "{path}：{where} 引用了未定义的等级“{grade}”（已定义：{known}）",
        "en": "{path}: {where} refers to the undefined grade \"{grade}\" (defined: {known})",
    },
    "policy.unknown_pii": {
        "zh": "{path}：未知的个人信息类型“{type}”（可用：{known}）",
        "en": "{path}: unknown personal-information type \"{type}\" (known: {known})",
    },
    "policy.unknown_operator": {
        "zh": "{path}：未知的处理方式“{operator}”（可用：{known}）",
        "en": "{path}: unknown treatment \"{operator}\" (known: {known})",
    },
    "operator.unknown_param": {
        "zh": "{path}：处理方式 {operator} 没有参数“{param}”（可用：{known}）",
        "en": "{path}: the {operator} treatment has no parameter \"{param}\" (known: {known})",
    },
    "operator.bad_param": {
        "zh": "{path}：处理方式 {operator} 的参数 {param} 取值无效：{value}",
        "en": "{path}: invalid value for parameter {param} of {operator}: {value}",
    },
    "keys.missing": {
        "zh": "找不到密钥文件 {path}；请先运行 opendata keys init",
        "en": "no key file at {path}; run opendata keys init first",
    },
    "keys.unreadable": {"zh": "密钥文件 {path} 已损坏或无法读取", "en": "the key file {path} is damaged or unreadable"},
    "keys.unsafe_permissions": {
        "zh": "密钥文件 {path} 的权限为 {mode}，其他用户可读；请执行 chmod 600 {path}",
        "en": "the key file {path} has mode {mode} and is readable by others; run chmod 600 {path}",
    },
    "keys.unknown_id": {"zh": "密钥库中没有密钥 {key_id}", "en": "the keyring has no key {key_id}"},
    "keys.required": {
        "zh": "处理方式 {operator} 需要数据密钥；请先运行 opendata keys init",
        "en": "the {operator} treatment needs a data key; run opendata keys init first",
    },
    "redact.output_exists": {
        "zh": "输出目录 {path} 已存在且不为空；请指定新的目录",
        "en": "the output directory {path} exists and is not empty; choose a new one",
    },
    "redact.invalid_input": {
        "zh": "数据集“{name}”未通过表结构校验（{count} 个问题），不能脱敏；先运行 opendata check 修正",
        "en": "dataset \"{name}\" fails its schema ({count} problems) and cannot be redacted; run opendata check",
    },
    "redact.residual_pi": {
        "zh": "脱敏后复查发现资源“{resource}”字段“{field}”仍有 {matches} 处未处理的{type}；未写出任何结果",
        "en": "the re-scan after redaction found {matches} untreated {type} in resource \"{resource}\" field "
              "\"{field}\"; nothing was written",
    },
    "redact.done": {
        "zh": "已写出脱敏数据包：{path}",
        "en": "redacted package written to {path}",
    },
    "redact.field": {
        "zh": "  {resource}.{field}：{treatments}",
        "en": "  {resource}.{field}: {treatments}",
    },
    "redact.auto": {"zh": "（检测到未声明的个人信息，按策略默认处理）", "en": " (undeclared PI detected: policy default)"},
    "redact.spans": {"zh": "文本中的", "en": "spans of "},
    "redact.rows_suppressed": {
        "zh": "  {resource}：为满足 k={k} 匿名，删除了 {rows} 行罕见组合；已泛化准标识符 {fields}",
        "en": "  {resource}: {rows} rows with rare combinations suppressed for k={k}; quasi-identifiers generalized: {fields}",
    },
    "redact.key": {"zh": "  使用数据密钥 {key_id}", "en": "  data key {key_id}"},
    "keys.no_signing_key": {
        "zh": "审核人“{reviewer}”在本机没有签名密钥；请运行 opendata keys init --reviewer {reviewer}",
        "en": "reviewer \"{reviewer}\" has no signing key on this machine; run opendata keys init --reviewer {reviewer}",
    },
    "keys.passphrase_required": {
        "zh": "签名密钥 {key_id} 已加密：请在环境变量 OPENDATA_KEY_PASSPHRASE 中提供口令，或按提示输入",
        "en": "the signing key {key_id} is encrypted: give its passphrase in OPENDATA_KEY_PASSPHRASE or at the prompt",
    },
    "keys.bad_passphrase": {"zh": "签名密钥 {key_id} 的口令不正确", "en": "wrong passphrase for the signing key {key_id}"},
    "keys.bad_public_key": {"zh": "不是有效的 Ed25519 公钥（PEM）", "en": "not a valid Ed25519 public key (PEM)"},
    "keys.signing_created": {
        "zh": "已为审核人“{reviewer}”创建签名密钥 {key_id}（本机已信任）；公钥：{path}",
        "en": "signing key {key_id} created for reviewer \"{reviewer}\" (trusted on this machine); public key: {path}",
    },
    "keys.trusted": {"zh": "已信任审核人“{reviewer}”的公钥 {key_id}", "en": "trusted {key_id} of reviewer \"{reviewer}\""},
    "keys.revoked": {"zh": "已撤销对 {key_id} 的信任", "en": "trust in {key_id} revoked"},
    "keys.created": {"zh": "已在 {home} 创建数据密钥 {key_id}（权限 0600）", "en": "data key {key_id} created in {home} (mode 0600)"},
    "keys.exists": {"zh": "{home} 已有数据密钥（当前 {key_id}），未作改动", "en": "{home} already has data keys (active {key_id}); nothing changed"},
    "keys.rotated": {"zh": "已轮换：新的当前数据密钥为 {key_id}，旧密钥保留用于还原", "en": "rotated: {key_id} is the new active data key; old keys are kept for re-identification"},
    "regrade.ok": {"zh": "  ✓ {name}：{grade} 级，{published}，仍然允许", "en": "  ✓ {name}: grade {grade}, {published}, still allowed"},
    "regrade.shrink": {"zh": "  ✗ {name}：{grade} 级，现为{published}，按当前策略只允许{allowed}",
                       "en": "  ✗ {name}: grade {grade}, published as {published}, the current policy allows only {allowed}"},
    "regrade.applied": {"zh": "  ↓ {name}：已由{published}调整为{allowed}（{grade} 级），已记录",
                        "en": "  ↓ {name}: changed from {published} to {allowed} (grade {grade}), recorded"},
    "approval.missing": {"zh": "没有审核签名：{path} 不存在；请先运行 opendata approve", "en": "not approved: {path} does not exist; run opendata approve first"},
    "approval.malformed": {"zh": "{path} 格式错误，无法核验", "en": "{path} is malformed and cannot be verified"},
    "approval.untrusted_key": {"zh": "审核签名来自不受信任的密钥 {key_id}（审核人“{reviewer}”）", "en": "the approval is signed with the untrusted key {key_id} (reviewer \"{reviewer}\")"},
    "approval.bad_signature": {"zh": "{path} 的签名无效：审核记录在签名后被改动", "en": "the signature in {path} is invalid: the approval was changed after signing"},
    "approval.revoked_key": {"zh": "审核签名所用密钥 {key_id} 已于 {when} 撤销信任", "en": "the approval's key {key_id} was revoked on {when}"},
    "approval.expired_key": {"zh": "审核签名所用密钥 {key_id} 已于 {when} 过期", "en": "the approval's key {key_id} expired on {when}"},
    "approval.wrong_reviewer": {"zh": "密钥 {key_id} 不属于审核人“{reviewer}”", "en": "the key {key_id} does not belong to reviewer \"{reviewer}\""},
    "approval.file_missing": {"zh": "已审核的文件 {file} 不见了；发布已阻止", "en": "the approved file {file} is missing; publication blocked"},
    "approval.file_changed": {"zh": "文件 {file} 在审核后被改动（SHA-256 不符）；发布已阻止，需重新审核", "en": "the file {file} changed after approval (SHA-256 differs); publication blocked, approve again"},
    "approval.parquet_differs": {"zh": "Parquet 分片 {file} 的内容与其 CSV 分片 {csv} 不一致（审核检查的是 CSV）；发布已阻止，请重新脱敏并审核",
                                 "en": "the Parquet part {file} does not hold what its CSV part {csv} holds (the CSV is what the check and the approval saw); publication blocked: redact and approve again"},
    "approval.parquet_not_declared": {"zh": "Parquet 分片 {file} 缺失，或其 SHA-256 与 datapackage.json 中记录的不符（不是脱敏时写出的文件）；发布已阻止，请重新脱敏并审核",
                                      "en": "the Parquet part {file} is missing or its SHA-256 is not the one datapackage.json records (not the file the redaction wrote); publication blocked: redact and approve again"},
    "approval.file_added": {"zh": "文件 {file} 是审核后新增的；发布已阻止，需重新审核", "en": "the file {file} was added after approval; publication blocked, approve again"},
    "approval.not_publishable": {"zh": "数据集“{name}”未通过检查（{count} 个问题），不能审核或发布", "en": "dataset \"{name}\" fails its check ({count} problems) and cannot be approved or published"},
    "approval.openness_changed": {"zh": "审核时批准为“{approved}”，按当前策略（{policy}）应为“{now}”：需重新审核", "en": "approved as \"{approved}\", but the current policy ({policy}) gives \"{now}\": a new approval is needed"},
    "approval.other_dataset": {"zh": "审核记录属于数据集“{approved}”，不是“{name}”", "en": "the approval is for dataset \"{approved}\", not \"{name}\""},
    "approval.not_canonical": {"zh": "资源“{resource}”（{path}）不是发布格式（带 BOM 的 UTF-8 CSV）：请先运行 opendata redact，再审核其输出", "en": "resource \"{resource}\" ({path}) is not in published form (UTF-8 CSV with BOM): run opendata redact and approve its output"},
    "approval.no_directory": {"zh": "数据集“{name}”不在磁盘目录中，无法审核", "en": "dataset \"{name}\" is not in a directory and cannot be approved"},
    "approval.retracted": {"zh": "该审核（{approval}）对应的发布已被撤回；重新发布需要新的审核", "en": "the release approved by {approval} was retracted; publishing again needs a new approval"},
    "approval.done": {"zh": "已签署审核：{path}（审核人“{reviewer}”，密钥 {key_id}，批准为“{openness}”）", "en": "approved: {path} (reviewer \"{reviewer}\", key {key_id}, as \"{openness}\")"},
    "approval.confirm": {"zh": "确认以“{reviewer}”身份审核并签署以上内容？[y/N] ", "en": "approve and sign the above as \"{reviewer}\"? [y/N] "},
    "approval.declined": {"zh": "未签署", "en": "not approved"},
    "retract.done": {"zh": "已撤回“{name}”（{catalog}）：{reason}", "en": "retracted \"{name}\" from {catalog}: {reason}"},
    "audit.ok": {"zh": "审计日志 {path} 完整：{count} 条记录，哈希链无断裂", "en": "audit log {path} intact: {count} records, hash chain unbroken"},
    "audit.broken": {"zh": "审计日志 {path} 第 {line} 行有问题：{reason}", "en": "audit log {path} is broken at line {line}: {reason}"},
    "audit.empty": {"zh": "审计日志中没有“{name}”的记录", "en": "the audit log has no records for \"{name}\""},
    # ---- findings of the check (grading, PI, sensitive content) ----------------------------
    "finding.undeclared_pii": {
        "zh": "资源“{resource}”字段“{field}”含未声明的{type}（{matches} 个值）：请在描述文件中声明并处理"
              "（建议 {default}），或运行 opendata redact",
        "en": "resource \"{resource}\" field \"{field}\" holds undeclared {type} ({matches} values): declare "
              "and treat it (suggested: {default}), or run opendata redact",
    },
    "finding.undeclared_pii_spans": {
        "zh": "资源“{resource}”字段“{field}”的文本中含 {matches} 处未处理的{type}：请运行 opendata redact",
        "en": "resource \"{resource}\" field \"{field}\" has {matches} untreated {type} spans in its text: "
              "run opendata redact",
    },
    "finding.treatment_pending": {
        "zh": "资源“{resource}”字段“{field}”声明了 {operator} 处理但尚未执行：请先运行 opendata redact",
        "en": "resource \"{resource}\" field \"{field}\" declares the {operator} treatment but it has not "
              "been applied: run opendata redact first",
    },
    "finding.treatment_not_accepted": {
        "zh": "资源“{resource}”字段“{field}”：策略不接受对{type}使用 {operator} 处理",
        "en": "resource \"{resource}\" field \"{field}\": the policy does not accept {operator} for {type}",
    },
    "finding.raw_after_treatment": {
        "zh": "资源“{resource}”字段“{field}”标记为已处理，但仍含 {matches} 个未处理的{type}",
        "en": "resource \"{resource}\" field \"{field}\" is marked as treated but still holds {matches} "
              "untreated {type} values",
    },
    "finding.openness_too_wide": {
        "zh": "声明的开放属性“{declared}”过宽：资源“{resource}”字段“{field}”为 {grade} 级，只允许{allowed}",
        "en": "the declared openness \"{declared}\" is too wide: resource \"{resource}\" field \"{field}\" "
              "is grade {grade}, which allows only {allowed}",
    },
    "finding.sensitive_metadata": {
        "zh": "元数据 {property}（资源 {resource}，字段 {field}）含敏感词“{term}”：发布前请进行保密审查",
        "en": "metadata {property} (resource {resource}, field {field}) contains the sensitive term \"{term}\": "
              "review it for confidentiality before publication",
    },
    "finding.sensitive_cell": {
        "zh": "资源“{resource}”第 {row} 行字段“{field}”含敏感词“{term}”：发布前请进行保密审查",
        "en": "resource \"{resource}\" row {row} field \"{field}\" contains the sensitive term \"{term}\": "
              "review it for confidentiality before publication",
    },
    "finding.prohibited": {
        "zh": "数据集为 {grade} 级，按策略禁止开放",
        "en": "the dataset is grade {grade}, which the policy does not allow to be opened",
    },
    "finding.k_anonymity": {
        "zh": "资源“{resource}”的准标识符（{fields}）有 {groups} 个组合少于 {k} 条记录（共 {rows} 行），"
              "存在重识别风险：{samples}",
        "en": "resource \"{resource}\": {groups} combinations of the quasi-identifiers ({fields}) occur in fewer "
              "than {k} records ({rows} rows), a re-identification risk: {samples}",
    },
    "grade.pii_raw": {"zh": "{grade}：含未处理的个人信息（{types}）", "en": "{grade}: untreated personal information ({types})"},
    "grade.pii_treated": {"zh": "{grade}：个人信息（{types}）已按 {operator} 处理",
                          "en": "{grade}: personal information ({types}) treated by {operator}"},
    "grade.pii_pending": {"zh": "{grade}：个人信息（{types}）将按 {operator} 处理（尚未执行）",
                          "en": "{grade}: personal information ({types}) to be treated by {operator} (not yet applied)"},
    "grade.pii_masked": {"zh": "{grade}：个人信息（{types}）已脱敏", "en": "{grade}: personal information ({types}) already masked"},
    "grade.disclosed": {"zh": "{grade}：依法公示的个人信息（{types}），依据：{basis}",
                        "en": "{grade}: personal information ({types}) disclosed by law: {basis}"},
    "grade.declared": {"zh": "{grade}：字段声明的等级", "en": "{grade}: declared on the field"},
    "grade.declared_package": {"zh": "{grade}：数据集声明的等级", "en": "{grade}: declared for the dataset"},
    "grade.unclassified": {"zh": "{grade}：未分级字段的默认等级（默认拒绝）",
                           "en": "{grade}: the policy's grade for unclassified fields (deny by default)"},
    # ---- validation: one entry per Frictionless error type --------------------------------
    "error.type-error": {
        "zh": "第 {row} 行，字段“{field}”：值 {cell} 不是有效的 {type}（格式：{format}）",
        "en": "row {row}, field \"{field}\": the value {cell} is not a valid {type} (format: {format})",
    },
    "error.type-error.hint": {
        "zh": "按表结构中的类型和格式修正该值，或修改字段类型",
        "en": "correct the value to the field's type and format, or change the field's type",
    },
    "error.constraint-error": {
        "zh": "第 {row} 行，字段“{field}”：值 {cell} 违反约束 {constraint}",
        "en": "row {row}, field \"{field}\": the value {cell} breaks the constraint {constraint}",
    },
    "error.constraint-error.hint": {
        "zh": "修正该值，使其满足约束；若约束有误，请修改表结构",
        "en": "correct the value so it meets the constraint, or fix the constraint in the schema",
    },
    "error.required": {
        "zh": "第 {row} 行，字段“{field}”：必填字段为空",
        "en": "row {row}, field \"{field}\": a required field is empty",
    },
    "error.required.hint": {
        "zh": "补充该值；若该字段允许为空，请去掉 required 约束",
        "en": "fill in the value, or remove the required constraint if the field may be empty",
    },
    "error.unique-error": {
        "zh": "第 {row} 行，字段“{field}”：值 {cell} 与第 {first_row} 行重复（要求唯一）",
        "en": "row {row}, field \"{field}\": the value {cell} repeats row {first_row} (must be unique)",
    },
    "error.unique-error.hint": {
        "zh": "删除重复行或修正重复的值",
        "en": "remove the duplicate row or correct the repeated value",
    },
    "error.primary-key": {
        "zh": "第 {row} 行：主键（{fields}）与第 {first_row} 行重复",
        "en": "row {row}: the primary key ({fields}) repeats row {first_row}",
    },
    "error.primary-key.hint": {
        "zh": "主键必须唯一：删除重复行或修正主键值",
        "en": "primary keys must be unique: remove the duplicate row or correct the key",
    },
    "error.foreign-key": {
        "zh": "第 {row} 行：外键（{fields}）的值在“{reference}”中不存在",
        "en": "row {row}: the foreign key ({fields}) has no match in \"{reference}\"",
    },
    "error.foreign-key.hint": {
        "zh": "补齐被引用表中的记录，或修正该外键值",
        "en": "add the referenced record, or correct the foreign key value",
    },
    "error.missing-cell": {
        "zh": "第 {row} 行：缺少单元格，应有 {expected} 列，实有 {actual} 列（字段“{field}”为空）",
        "en": "row {row}: missing cell, expected {expected} columns but found {actual} (field "
        "\"{field}\" is absent)",
    },
    "error.missing-cell.hint": {
        "zh": "补齐该行缺少的列；若文本中含逗号或换行，请用英文双引号括起来",
        "en": "add the missing columns; quote values that contain commas or line breaks",
    },
    "error.missing-cell.quote_hint": {
        "zh": "该行含有未闭合的英文双引号，后续内容可能被并入同一单元格",
        "en": "the row has an unclosed double quote; what follows may have been read into one cell",
    },
    "error.extra-cell": {
        "zh": "第 {row} 行：多出单元格，应有 {expected} 列，实有 {actual} 列",
        "en": "row {row}: extra cell, expected {expected} columns but found {actual}",
    },
    "error.extra-cell.hint": {
        "zh": "删除多余的列；若文本中含逗号，请用英文双引号括起来",
        "en": "remove the extra columns; quote values that contain commas",
    },
    "error.blank-row": {
        "zh": "第 {row} 行：空行",
        "en": "row {row}: blank row",
    },
    "error.blank-row.hint": {
        "zh": "删除该空行",
        "en": "remove the blank row",
    },
    "error.blank-label": {
        "zh": "表头第 {field_number} 列为空",
        "en": "header column {field_number} is blank",
    },
    "error.blank-label.hint": {
        "zh": "为该列填写表头名称",
        "en": "give the column a header",
    },
    "error.duplicate-label": {
        "zh": "表头第 {field_number} 列“{label}”与前面的列重名",
        "en": "header column {field_number} \"{label}\" repeats an earlier column",
    },
    "error.duplicate-label.hint": {
        "zh": "每列表头必须唯一",
        "en": "every header must be unique",
    },
    "error.incorrect-label": {
        "zh": "表头第 {field_number} 列为“{label}”，表结构中应为“{field}”",
        "en": "header column {field_number} is \"{label}\", the schema expects \"{field}\"",
    },
    "error.incorrect-label.hint": {
        "zh": "使表头与表结构的字段名和顺序一致",
        "en": "make the header match the schema's field names and order",
    },
    "error.missing-label": {
        "zh": "表头缺少第 {field_number} 列“{field}”",
        "en": "the header lacks column {field_number} \"{field}\"",
    },
    "error.missing-label.hint": {
        "zh": "补齐缺少的列，或从表结构中删除该字段",
        "en": "add the missing column, or remove the field from the schema",
    },
    "error.extra-label": {
        "zh": "表头第 {field_number} 列“{label}”不在表结构中",
        "en": "header column {field_number} \"{label}\" is not in the schema",
    },
    "error.extra-label.hint": {
        "zh": "删除该列，或在表结构中声明该字段",
        "en": "remove the column, or declare the field in the schema",
    },
    "error.encoding-error": {
        "zh": "无法解码文件：{reason}",
        "en": "cannot decode the file: {reason}",
    },
    "error.encoding-error.hint": {
        "zh": "将文件另存为 UTF-8 或 GB18030 后重试",
        "en": "save the file as UTF-8 or GB18030 and try again",
    },
    "error.source-error": {
        "zh": "无法读取数据：{reason}",
        "en": "cannot read the data: {reason}",
    },
    "error.source-error.hint": {
        "zh": "检查文件是否完整、格式是否与扩展名一致",
        "en": "check that the file is complete and matches its extension",
    },
    # ---- personal information -----------------------------------------------------------------
    "pii.cn_resident_id": {"zh": "居民身份证号", "en": "resident ID number"},
    "pii.cn_mobile": {"zh": "手机号", "en": "mobile number"},
    "pii.cn_landline": {"zh": "固定电话", "en": "landline number"},
    "pii.email": {"zh": "电子邮箱", "en": "e-mail address"},
    "pii.bank_card": {"zh": "银行卡号", "en": "bank card number"},
    "pii.cn_passport": {"zh": "护照或港澳通行证号", "en": "passport or Hong Kong/Macao permit number"},
    "pii.qq_number": {"zh": "QQ 号", "en": "QQ number"},
    "pii.wechat_id": {"zh": "微信号", "en": "WeChat ID"},
    "pii.geo_coordinates": {"zh": "住所经纬度坐标", "en": "geographic coordinates of a home"},
    "pii.military_id": {"zh": "军官证或士兵证号", "en": "military ID number"},
    "pii.hk_macau_tw_id": {"zh": "港澳台居民身份证号", "en": "Hong Kong, Macao or Taiwan identity card number"},
    "pii.passport_mrz": {"zh": "护照机读码", "en": "passport machine-readable zone"},
    "pii.other_phone": {"zh": "境外电话号码", "en": "phone number outside the mainland"},
    "pii.cn_license_plate": {"zh": "车牌号", "en": "licence plate"},
    "pii.person_name": {"zh": "姓名", "en": "person name"},
    "pii.address": {"zh": "详细住址", "en": "home address"},
    "pii.birth_date": {"zh": "出生日期", "en": "date of birth"},
    "pii.ip_address": {"zh": "IP 地址", "en": "IP address"},
    "pii.cn_service_number": {"zh": "服务电话（机构号码，非个人信息）", "en": "service number (an organisation's, not personal)"},
    "pii.cn_uscc": {"zh": "统一社会信用代码（机构标识，非个人信息）",
                    "en": "unified social credit code (organisation identifier, not personal)"},
    "scan.resource": {"zh": "资源“{name}”（{path}，{rows} 行）", "en": "resource \"{name}\" ({path}, {rows} rows)"},
    "scan.cells": {
        "zh": "字段“{field}”：{type}（{code}），{matches}/{sampled} 个值（{ratio}）",
        "en": "field \"{field}\": {type} ({code}), {matches}/{sampled} values ({ratio})",
    },
    "scan.masked": {
        "zh": "字段“{field}”：{type}（{code}），已脱敏 {masked}/{sampled} 个值",
        "en": "field \"{field}\": {type} ({code}), already masked in {masked}/{sampled} values",
    },
    "scan.spans": {
        "zh": "字段“{field}”：文本中含 {spans} 处{type}（{code}）",
        "en": "field \"{field}\": {spans} {type} spans ({code}) inside the text",
    },
    "scan.none": {"zh": "未发现个人信息", "en": "no personal information found"},
    # ---- reports ----------------------------------------------------------------------------
    "report.title": {"zh": "数据检查报告：{name}", "en": "Check report: {name}"},
    "report.resource": {
        "zh": "资源“{name}”（{path}，编码 {encoding}，{rows} 行）",
        "en": "resource \"{name}\" ({path}, encoding {encoding}, {rows} rows)",
    },
    "report.resource_ok": {"zh": "  ✓ 符合表结构", "en": "  ✓ conforms to its schema"},
    "report.resource_errors": {
        "zh": "  ✗ 发现 {count} 个问题：{summary}",
        "en": "  ✗ {count} problems found: {summary}",
    },
    "report.truncated": {
        "zh": "  （仅列出前 {shown} 个问题，共 {count} 个）",
        "en": "  (only the first {shown} of {count} problems are listed)",
    },
    "report.grading": {"zh": "分级分类（策略 {policy}）：", "en": "Grading (policy {policy}):"},
    "report.dataset_grade": {
        "zh": "  数据集等级 {grade}，开放属性：{openness}（该等级允许：{allowed}）",
        "en": "  dataset grade {grade}, openness: {openness} (the grade allows: {allowed})",
    },
    "report.findings": {"zh": "需要处理的问题（{count} 个阻止发布）：", "en": "Findings ({count} block publication):"},
    "report.verdict_ok_as": {"zh": "结论：可以发布，开放属性为“{openness}”", "en": "Verdict: publishable as \"{openness}\""},
    "report.fix": {"zh": "处理建议", "en": "what to do"},
    "report.verdict_ok": {
        "zh": "结论：可以发布",
        "en": "Verdict: publishable",
    },
    "report.verdict_blocked": {
        "zh": "结论：不能发布（{count} 个问题）",
        "en": "Verdict: blocked ({count} problems)",
    },
    "report.inferred": {
        "zh": "  注意：表结构是推断的，不是声明的",
        "en": "  note: the schema was inferred, not declared",
    },
    # ---- publishing and the local catalogue -------------------------------------------------
    "publish.blocked": {
        "zh": "数据集“{name}”未通过检查（{count} 个问题），已拒绝发布；运行 opendata check 查看详情",
        "en": "dataset \"{name}\" failed its check ({count} problems) and was not published; run "
        "opendata check for details",
    },
    "publish.prohibited": {
        "zh": "数据集“{name}”为 {grade} 级，按策略禁止开放，已拒绝发布",
        "en": "dataset \"{name}\" is grade {grade}, which the policy does not allow to be opened; not published",
    },
    "publish.done": {
        "zh": "已发布“{title}”（{name}）到 {catalog}：{url}",
        "en": "published \"{title}\" ({name}) to {catalog}: {url}",
    },
    "publish.open_portal": {
        "zh": "门户首页：{index}\n本地浏览：opendata serve {catalog}",
        "en": "portal index: {index}\nbrowse locally: opendata serve {catalog}",
    },
    "publish.progress": {"zh": "发布", "en": "publishing"},
    "publish.summary": {"zh": "发布结果（{catalog}）", "en": "Publication summary ({catalog})"},
    "publish.col.dataset": {"zh": "数据集", "en": "dataset"},
    "publish.col.status": {"zh": "结果", "en": "status"},
    "publish.col.detail": {"zh": "说明", "en": "detail"},
    "publish.status.published": {"zh": "已发布", "en": "published"},
    "publish.status.unchanged": {"zh": "无变化", "en": "unchanged"},
    "publish.status.blocked": {"zh": "未发布", "en": "blocked"},
    "catalog.pulled": {"zh": "已取回“{name}”到 {path}（{count} 个文件，哈希均已核对）", "en": "pulled \"{name}\" into {path} ({count} files, every hash verified)"},
    "catalog.hash_mismatch": {"zh": "“{name}”的文件 {file} 与目录记录的 SHA-256 不符", "en": "the file {file} of \"{name}\" does not match the SHA-256 the catalogue recorded"},
    "catalog.diff.only_left": {"zh": "  {name}：只在本地目录中", "en": "  {name}: only in the local catalogue"},
    "catalog.diff.only_right": {"zh": "  {name}：只在 CKAN 中", "en": "  {name}: only in CKAN"},
    "catalog.diff.files": {"zh": "  {name}：文件不同：{detail}", "en": "  {name}: files differ: {detail}"},
    "catalog.diff.openness": {"zh": "  {name}：开放属性不同：{detail}", "en": "  {name}: openness differs: {detail}"},
    "catalog.diff.same": {"zh": "  {name}：一致", "en": "  {name}: same"},
    "catalog.status_title": {"zh": "数据更新情况（{catalog}）", "en": "Freshness ({catalog})"},
    "catalog.col.dataset": {"zh": "数据集", "en": "dataset"},
    "catalog.col.frequency": {"zh": "更新频率", "en": "frequency"},
    "catalog.col.updated": {"zh": "最后更新", "en": "last update"},
    "catalog.col.age": {"zh": "已过天数", "en": "days since"},
    "catalog.col.state": {"zh": "状态", "en": "state"},
    "catalog.overdue": {"zh": "逾期未更新", "en": "overdue"},
    "catalog.current": {"zh": "按期", "en": "current"},
    "catalog.not_a_catalog": {
        "zh": "{path} 不是 opendata 本地目录（缺少 {marker}），为避免覆盖其他文件，拒绝写入",
        "en": "{path} is not an opendata local catalogue (no {marker}); refusing to write into it",
    },
    "catalog.not_restricted": {
        "zh": "数据集“{name}”不是受限开放：没有可计数的申请",
        "en": "dataset \"{name}\" is not restricted: there are no grants to count",
    },
    "catalog.unknown_dataset": {
        "zh": "目录中没有数据集“{name}”",
        "en": "the catalogue has no dataset \"{name}\"",
    },
    "catalog.write_failed": {
        "zh": "写入目录 {path} 失败：{reason}；目录保持发布前的状态",
        "en": "writing to the catalogue {path} failed: {reason}; the catalogue is unchanged",
    },
    "ckan.not_authorized": {
        "zh": "CKAN（{url}）拒绝了 {action}：{reason}；请检查 API 密钥（OPENDATA_CKAN_API_KEY）及其权限",
        "en": "CKAN ({url}) refused {action}: {reason}; check the API key (OPENDATA_CKAN_API_KEY) and its rights",
    },
    "ckan.validation": {"zh": "CKAN（{url}）不接受 {action}：{reason}", "en": "CKAN ({url}) rejected {action}: {reason}"},
    "ckan.error": {"zh": "CKAN（{url}）在 {action} 时出错：{reason}", "en": "CKAN ({url}) failed on {action}: {reason}"},
    "ckan.unreachable": {
        "zh": "无法连接 CKAN（{url}，{reason}）；多次重试后放弃，未公开任何内容，可稍后重试",
        "en": "cannot reach CKAN ({url}, {reason}); gave up after retries, nothing was made public; try again later",
    },
    "ckan.update_undone": {
        "zh": "CKAN（{url}）在更新数据集“{name}”时拒绝了 {action}（字段：{field}）：{reason}；本次所做的更改已全部撤回，数据集保持原样（原来公开的仍然公开、内容不变）",
        "en": "CKAN ({url}) refused {action} while updating dataset \"{name}\" (field: {field}): {reason}; what this run changed was taken back and the dataset is left as it was (public and unchanged if it was public)",
    },
    "ckan.update_undo_failed": {
        "zh": "CKAN（{url}）在更新数据集“{name}”时拒绝了 {action}（字段：{field}）：{reason}；撤回本次更改时也出错，数据集可能暂为非公开或多出新资源；请再次发布以完成更新",
        "en": "CKAN ({url}) refused {action} while updating dataset \"{name}\" (field: {field}): {reason}; taking back this run's changes failed too, so the dataset may be private or hold extra resources for now; publish again to complete the update",
    },
    "ckan.schema_refused": {
        "zh": "CKAN（{url}）的数据集模式（ckanext-scheming）不会接受数据集“{name}”的字段 {field}（{reason}）；未向 CKAN 发送任何更改",
        "en": "the dataset schema of CKAN ({url}) (ckanext-scheming) would refuse field {field} of dataset \"{name}\" ({reason}); nothing was sent to CKAN",
    },
    "ckan.datastore_field": {
        "zh": "CKAN（{url}）的 DataStore 不能存放数据集“{name}”资源 {resource} 的字段“{field}”（{reason}）；请在表结构中改名。未向 CKAN 发送任何更改",
        "en": "the DataStore of CKAN ({url}) cannot hold field \"{field}\" of resource {resource} of dataset \"{name}\" ({reason}); rename it in the Table Schema. Nothing was sent to CKAN",
    },
    "ckan.datastore_incomplete": {
        "zh": "载入 DataStore 后，CKAN（{url}）中数据集“{name}”资源 {resource} 的表与发布文件不符（应为 {rows} 行及表结构中的字段类型）",
        "en": "after loading, the DataStore of CKAN ({url}) does not hold resource {resource} of dataset \"{name}\" as released ({rows} rows with the Table Schema's field types)",
    },
    "ckan.datastore_file_changed": {
        "zh": "发布文件 {path} 在导出后被改动（SHA-256 不符）；数据集“{name}”未载入 CKAN（{url}）的 DataStore",
        "en": "the release file {path} changed after export (SHA-256 differs); dataset \"{name}\" was not loaded into the DataStore of CKAN ({url})",
    },
    "ckan.datastore_retract_failed": {
        "zh": "数据集“{name}”已在 CKAN（{url}）设为非公开，但删除其 DataStore 表失败：{reason}；请再次撤回以删除",
        "en": "dataset \"{name}\" was made private on CKAN ({url}), but removing its DataStore tables failed: {reason}; retract again to remove them",
    },
    "ckan.download": {"zh": "下载 {url} 失败：{reason}", "en": "downloading {url} failed: {reason}"},
    "ckan.no_organization": {"zh": "数据集“{name}”没有数源部门（opendata.publisher）", "en": "dataset \"{name}\" has no publisher (opendata.publisher)"},
    "ckan.unknown_organization": {"zh": "CKAN（{url}）中没有组织“{organization}”，且不允许自动创建", "en": "CKAN ({url}) has no organization \"{organization}\" and may not create it"},
    "ckan.no_api_key": {"zh": "发布到 {url} 需要 API 密钥：请设置环境变量 OPENDATA_CKAN_API_KEY", "en": "publishing to {url} needs an API key: set OPENDATA_CKAN_API_KEY"},
    "serve.listening": {
        "zh": "正在 http://{host}:{port}/ 提供 {path}（按 Ctrl+C 停止）",
        "en": "serving {path} at http://{host}:{port}/ (press Ctrl+C to stop)",
    },
    # ---- portal (static HTML) ---------------------------------------------------------------
    "portal.title": {"zh": "公共数据开放目录", "en": "Public Data Catalogue"},
    "portal.datasets": {"zh": "共 {count} 个数据集", "en": "{count} datasets"},
    "portal.publisher": {"zh": "数源部门", "en": "Publisher"},
    "portal.subject": {"zh": "数据领域", "en": "Subject area"},
    "portal.frequency": {"zh": "更新频率", "en": "Update frequency"},
    "portal.openness": {"zh": "开放属性", "en": "Openness"},
    "portal.license": {"zh": "许可协议", "en": "Licence"},
    "portal.license_unspecified": {"zh": "未说明（请联系数源部门）", "en": "not specified (ask the publisher)"},
    "portal.modified": {"zh": "最后更新", "en": "Last updated"},
    "portal.version": {"zh": "版本", "en": "Version"},
    "portal.contact": {"zh": "联系方式", "en": "Contact"},
    "portal.keywords": {"zh": "关键词", "en": "Keywords"},
    "portal.grants": {"zh": "已批准申请数", "en": "Applications granted"},
    "portal.rows": {"zh": "记录数", "en": "Rows"},
    "portal.downloads": {"zh": "下载", "en": "Downloads"},
    "portal.dictionary": {"zh": "数据字典", "en": "Data dictionary"},
    "portal.field": {"zh": "字段名", "en": "Field"},
    "portal.field_title": {"zh": "中文名称", "en": "Title"},
    "portal.type": {"zh": "类型", "en": "Type"},
    "portal.description": {"zh": "说明", "en": "Description"},
    "portal.constraints": {"zh": "约束", "en": "Constraints"},
    "portal.search": {"zh": "搜索数据集、部门、领域…", "en": "Search datasets, publishers, subjects…"},
    "portal.resource": {"zh": "资源", "en": "Resource"},
    "portal.c.required": {"zh": "必填", "en": "required"},
    "portal.c.unique": {"zh": "唯一", "en": "unique"},
    "portal.c.pattern": {"zh": "格式 {value}", "en": "pattern {value}"},
    "portal.c.enum": {"zh": "取值：{value}", "en": "one of: {value}"},
    "portal.c.minimum": {"zh": "最小值 {value}", "en": "minimum {value}"},
    "portal.c.maximum": {"zh": "最大值 {value}", "en": "maximum {value}"},
    "portal.c.exclusiveMinimum": {"zh": "大于 {value}", "en": "greater than {value}"},
    "portal.c.exclusiveMaximum": {"zh": "小于 {value}", "en": "less than {value}"},
    "portal.c.minLength": {"zh": "至少 {value} 个字符", "en": "at least {value} characters"},
    "portal.c.maxLength": {"zh": "至多 {value} 个字符", "en": "at most {value} characters"},
    "portal.restricted": {
        "zh": "本数据集为受限开放：目录仅公开元数据和数据字典，数据需向数源部门申请，审核通过并签订使用协议后提供。",
        "en": "This dataset is restricted: the catalogue shows its metadata and data dictionary only; the data "
              "is provided on application to the publisher, after approval and a use agreement.",
    },
    "portal.apply": {"zh": "申请方式", "en": "How to apply"},
    "portal.apply_online": {"zh": "在线填写申请表", "en": "Fill in the application form online"},
    "apply_form.title": {"zh": "申请数据：{title}", "en": "Apply for the data: {title}"},
    "apply_form.intro": {
        "zh": "本数据集为受限开放。请填写以下信息；数源部门审核通过后，按批准的字段和处理方式将数据加密交付给您的接收方密钥。",
        "en": "This dataset is restricted. Fill in the form; after approval the publisher delivers the granted fields, "
              "treated as granted, encrypted to your recipient key.",
    },
    "apply_form.organisation": {"zh": "申请单位", "en": "Organisation"},
    "apply_form.contact": {"zh": "联系方式（电子邮箱或电话）", "en": "Contact (e-mail or telephone)"},
    "apply_form.identity": {"zh": "申请人身份（姓名、职务，选填）", "en": "Applicant (name and position, optional)"},
    "apply_form.purpose": {"zh": "使用目的", "en": "Purpose of use"},
    "apply_form.until": {"zh": "使用期限（截止日期）", "en": "Period of use (last day)"},
    "apply_form.fields": {"zh": "申请的字段", "en": "Fields requested"},
    "apply_form.recipient_key": {"zh": "接收方公钥（recipient.pub 的全部内容）",
                                 "en": "Recipient public key (the whole of recipient.pub)"},
    "apply_form.key_help": {
        "zh": "用 opendata keys recipient --out 目录 生成密钥对：私钥 recipient.key 由您保管，切勿发送；此处粘贴公钥 recipient.pub。",
        "en": "Make a key pair with opendata keys recipient --out DIR: keep the private recipient.key, never send "
              "it; paste the public recipient.pub here.",
    },
    "apply_form.terms": {"zh": "数据使用协议", "en": "Terms of use"},
    "apply_form.agree": {"zh": "我已阅读并接受上述协议", "en": "I have read and accept these terms"},
    "apply_form.submit": {"zh": "提交申请", "en": "Submit the application"},
    "apply_form.privacy": {
        "zh": "您的联系方式和身份仅由数源部门保存，用于审核和联系，不会出现在公开目录或日志中。",
        "en": "Your contact and identity are kept by the publisher only, for the review and to reach you; they "
              "never appear in the public catalogue or its logs.",
    },
    "apply_form.problems": {"zh": "申请未提交，请修改以下问题：", "en": "The application was not submitted:"},
    "apply_form.required": {"zh": "有必填项未填写", "en": "a required field is empty"},
    "apply_form.too_long": {"zh": "有一项超过 {most} 个字符", "en": "a field is longer than {most} characters"},
    "apply_form.control": {"zh": "有一项含有不允许的控制字符或换行", "en": "a field holds control characters or line breaks"},
    "apply_form.repeated": {"zh": "有一项重复提交", "en": "a field was sent twice"},
    "apply_form.bad_contact": {"zh": "联系方式应为电子邮箱或电话号码", "en": "the contact must be an e-mail address or a telephone number"},
    "apply_form.bad_key": {
        "zh": "接收方公钥无效：应为 opendata keys recipient 生成的 recipient.pub（X25519 公钥，PEM 格式）",
        "en": "the recipient key is not valid: it must be the recipient.pub made by opendata keys recipient "
              "(an X25519 public key in PEM)",
    },
    "apply_form.unknown_field": {"zh": "申请了本数据集没有的字段", "en": "a field this dataset does not have was requested"},
    "apply_form.must_agree": {"zh": "须接受数据使用协议", "en": "the terms of use must be accepted"},
    "apply_form.no_such": {"zh": "没有可申请的受限开放数据集", "en": "no restricted dataset to apply for here"},
    "apply_form.too_many": {"zh": "提交过于频繁，请稍后再试", "en": "too many submissions: try again later"},
    "apply_form.too_large": {"zh": "提交的内容过大（上限 {size} KiB）", "en": "the submission is too large (at most {size} KiB)"},
    "apply_form.bad_request": {"zh": "无法读取提交的表单", "en": "the submitted form cannot be read"},
    "apply_form.received_title": {"zh": "申请已收到", "en": "Application received"},
    "apply_form.received": {
        "zh": "您对“{dataset}”的申请已登记，编号 {id}。数源部门将审核并与您联系；请妥善保管您的私钥 recipient.key。",
        "en": "Your application for \"{dataset}\" is recorded as {id}. The publisher will review it and contact you; "
              "keep your private recipient.key safe.",
    },
    "portal.grade": {"zh": "数据等级", "en": "Grade"},
    "portal.back": {"zh": "返回目录", "en": "Back to the catalogue"},
    "portal.dcat": {"zh": "机器可读目录（DCAT JSON-LD）", "en": "Machine-readable catalogue (DCAT JSON-LD)"},
    "portal.metadata": {"zh": "元数据（CKAN 格式）", "en": "Metadata (CKAN format)"},
    "portal.generated": {"zh": "由 opendata 生成", "en": "Generated by opendata"},
    # ---- CLI --------------------------------------------------------------------------------
    "cli.description": {
        "zh": "opendata：公共数据检查、分级分类、脱敏、审核与发布工具",
        "en": "opendata: check, grade, redact, approve and publish public data",
    },
    "cli.help.apply_verb": {"zh": "登记对受限开放数据集的申请", "en": "record an application for a restricted dataset"},
    "cli.help.applicant": {"zh": "申请单位", "en": "the applying organisation"},
    "cli.help.contact": {"zh": "联系方式（仅存部门内部）", "en": "contact (kept by the department only)"},
    "cli.help.identity": {"zh": "申请人身份说明（仅存部门内部）", "en": "the applicant's identity as text (kept by the department only)"},
    "cli.help.purpose": {"zh": "用途", "en": "purpose of use"},
    "cli.help.until": {"zh": "使用期限（YYYY-MM-DD）", "en": "last day of use (YYYY-MM-DD)"},
    "cli.help.recipient_key": {"zh": "接收方公钥 recipient.pub", "en": "the recipient's public key, recipient.pub"},
    "cli.help.fields": {"zh": "字段，逗号分隔（默认全部）", "en": "fields, comma-separated (default: all)"},
    "cli.help.application_out": {"zh": "申请文件的输出路径", "en": "where to write the application"},
    "cli.help.application": {"zh": "申请文件 APPLICATION.json", "en": "the application file, APPLICATION.json"},
    "cli.help.grant": {"zh": "审核申请并签署批准书", "en": "review an application and sign a grant"},
    "cli.help.rows": {"zh": "只交付该字段取这些值的行（FIELD=值1,值2）", "en": "only rows whose FIELD is one of the values (FIELD=V1,V2)"},
    "cli.help.treat": {"zh": "某字段采用更强的处理（FIELD=OPERATOR）", "en": "a stronger treatment for a field (FIELD=OPERATOR)"},
    "cli.help.grant_until": {"zh": "缩短使用期限（不能长于申请）", "en": "a shorter period of use than asked for (never longer)"},
    "cli.help.grant_out": {"zh": "批准书的输出路径", "en": "where to write the grant"},
    "cli.help.refuse": {"zh": "拒绝申请（须说明理由）", "en": "refuse an application, with a reason"},
    "cli.help.revoke_grant": {"zh": "撤销批准书", "en": "revoke a grant"},
    "cli.help.grant_file": {"zh": "批准书 GRANT.json", "en": "the grant, GRANT.json"},
    "cli.help.deliver": {"zh": "按批准书生成加密、带标记的交付数据", "en": "make the encrypted, fingerprinted extract a grant allows"},
    "cli.help.receive": {"zh": "接收方解密并核验交付数据", "en": "decrypt and verify a delivery (the recipient)"},
    "cli.help.delivery_dir": {"zh": "交付目录", "en": "the delivery directory"},
    "cli.help.recipient_private": {"zh": "接收方私钥 recipient.key", "en": "the recipient's private key, recipient.key"},
    "cli.help.password_file_deliver": {
        "zh": "以密码加密（scrypt），不用接收方密钥：密码取自此文件（一行，0600）；文件不存在时自动生成。密码须另行发送",
        "en": "seal with a password (scrypt) instead of the recipient key: the password is this file's one line "
        "(mode 0600); made when the file does not exist. Send it apart",
    },
    "cli.help.password_file_receive": {
        "zh": "以密码加密的交付：部门另行发送的密码所在文件（一行，0600）",
        "en": "for a delivery sealed with a password: the file holding it (one line, mode 0600)",
    },
    "cli.help.verify": {"zh": "核验交付数据（加密的或已解密的）与签名清单一致", "en": "check a delivery (encrypted or received) against its signed manifest"},
    "cli.help.trace": {"zh": "追溯泄露文件的来源接收方", "en": "trace a leaked file to the recipient it was delivered to"},
    "cli.help.leaked_file": {"zh": "泄露的文件（CSV/XLSX …）", "en": "the leaked file (CSV/XLSX …)"},
    "cli.help.lang": {"zh": "消息语言（默认中文，或环境变量 OPENDATA_LANG）", "en": "message language (default zh, or $OPENDATA_LANG)"},
    "cli.help.check": {"zh": "校验数据集、识别个人信息、分级分类，并给出能否发布的结论", "en": "validate, scan and grade a dataset, and say whether it may be published"},
    "cli.help.path": {"zh": "数据集目录、datapackage.json，或 CSV/XLSX/JSON/Parquet 文件", "en": "dataset directory, datapackage.json, or a CSV/XLSX/JSON/Parquet file"},
    "cli.help.limit": {"zh": "每个资源列出的问题数上限（默认 1000，全部计数）", "en": "problems listed per resource (default 1000; all are counted)"},
    "cli.help.policy": {"zh": "分级策略文件（默认：opendata.toml 中 [policy] file，否则为内置默认策略）", "en": "policy file (default: [policy] file in opendata.toml, else the shipped default)"},
    "cli.help.scan": {"zh": "找出每个字段中的个人信息", "en": "find personal information in every field"},
    "cli.help.engine": {"zh": "运行引擎：local（本机，默认）或 spark（Apache Spark；主节点地址见 opendata.toml 的 [spark] 或 OPENDATA_SPARK_MASTER）",
                        "en": "where to run: local (this machine, the default) or spark (Apache Spark; master from [spark] "
                              "in opendata.toml or OPENDATA_SPARK_MASTER)"},
    "cli.help.sample": {"zh": "每个资源只扫描前 N 行", "en": "scan only the first N rows of each resource"},
    "cli.help.redact": {"zh": "写出个人信息已处理的副本（发布格式）", "en": "write a copy with personal information treated (in published form)"},
    "cli.help.out": {"zh": "输出目录（新建或为空）", "en": "output directory (new or empty)"},
    "cli.help.keys": {"zh": "管理 $OPENDATA_HOME 下的数据密钥和审核签名密钥（从不显示密钥）", "en": "data keys and reviewer signing keys under $OPENDATA_HOME (secrets never shown)"},
    "cli.help.keys_file": {"zh": "trust：审核人的公钥文件（PEM）；revoke、public：密钥标识", "en": "trust: a reviewer's public key (PEM); revoke, public: a key id"},
    "cli.help.keys_reviewer": {"zh": "init/rotate：为该审核人创建签名密钥；trust：公钥所属审核人", "en": "init/rotate: create a signing key for this reviewer; trust: whose key"},
    "cli.help.encrypt": {"zh": "用口令保护签名密钥（取自 OPENDATA_KEY_PASSPHRASE 或终端输入）", "en": "protect the signing key with a passphrase (from OPENDATA_KEY_PASSPHRASE or the terminal)"},
    "cli.help.expires": {"zh": "trust：此日期（ISO 格式）之后拒绝该密钥签署的审核", "en": "trust: ISO date after which approvals with this key are refused"},
    "cli.help.approve": {"zh": "显示检查结果，并为这些文件签署 approval.json", "en": "show the check and sign approval.json for exactly these files"},
    "cli.help.approved_path": {"zh": "待审核的数据包目录（opendata redact 的输出）", "en": "the package directory to approve (as written by opendata redact)"},
    "cli.help.reviewer": {"zh": "审核人姓名（须在本机有签名密钥）", "en": "the reviewer (with a signing key on this machine)"},
    "cli.help.yes": {"zh": "不再询问直接签署（用于脚本）", "en": "sign without asking (for scripts)"},
    "cli.help.publish": {"zh": "将已审核的数据集发布到目录", "en": "publish approved datasets into a catalogue"},
    "cli.help.paths": {"zh": "数据集目录，或包含多个数据集的文件夹", "en": "dataset directories, or folders of them"},
    "cli.help.catalog": {"zh": "目录：CKAN 地址（API 密钥取自 OPENDATA_CKAN_API_KEY）、opendata.toml 中的名称，或本地目录", "en": "a catalogue: a CKAN URL (API key from OPENDATA_CKAN_API_KEY), a name in opendata.toml, or a local directory"},
    "cli.help.retract": {"zh": "撤回已发布的数据集（再次发布需重新审核）", "en": "withdraw a published dataset (publishing it again needs a new approval)"},
    "cli.help.dataset": {"zh": "数据集标识", "en": "the dataset's name"},
    "cli.help.reason": {"zh": "撤回原因（记入审计日志）", "en": "why it is withdrawn (recorded in the audit log)"},
    "cli.help.purge": {"zh": "CKAN：删除数据集，而不只是设为私有", "en": "CKAN: delete the dataset instead of making it private"},
    "cli.help.catalog_verb": {"zh": "取回、比较已发布的数据集，检查更新是否及时", "en": "read back and compare published datasets, and check their freshness"},
    "cli.help.pull_name": {"zh": "pull：数据集标识", "en": "pull: the dataset"},
    "cli.help.pull_from": {"zh": "pull：从哪个目录取回", "en": "pull: the catalogue to read from"},
    "cli.help.pull_out": {"zh": "pull：保存到的新目录", "en": "pull: a new directory for the package"},
    "cli.help.pull_compare": {"zh": "pull：与之比对文件的已审核数据包目录", "en": "pull: an approved package directory to compare the files with"},
    "cli.help.diff_local": {"zh": "diff：本地目录", "en": "diff: the local catalogue directory"},
    "cli.help.regrade": {"zh": "按当前策略重新评估已发布的数据集（动态调整）", "en": "re-evaluate published datasets against the current policy (动态调整)"},
    "cli.help.local_catalog": {"zh": "本地目录的路径", "en": "the local catalogue directory"},
    "cli.help.apply": {"zh": "收缩或撤回必须调整的数据集，并记录", "en": "restrict or withdraw what must shrink, and record it"},
    "cli.help.audit": {"zh": "核验审计日志的哈希链，或查看某数据集的历史", "en": "verify the audit log's hash chain, or show a dataset's history"},
    "cli.help.audit_name": {"zh": "show：数据集标识", "en": "show: the dataset"},
    "cli.help.audit_log": {"zh": "审计日志文件（默认为 $OPENDATA_HOME 下的日志）", "en": "an audit log file (default: the one under $OPENDATA_HOME)"},
    "cli.help.serve": {"zh": "在 127.0.0.1 上提供本地目录的门户和数据接口（CKAN 兼容）", "en": "serve a local catalogue's portal and Data API (CKAN-compatible) on 127.0.0.1"},
    # ---- issue 17: CLI conventions, workspace, describe ------------------------------------
    "cli.help.version": {"zh": "显示版本号并退出", "en": "show the version and exit"},
    "cli.help.global": {"zh": "全局选项（可写在命令之前或之后）", "en": "global options (before or after the command)"},
    "cli.help.commands": {"zh": "命令", "en": "commands"},
    "cli.help.actions": {"zh": "操作", "en": "actions"},
    "cli.help.format": {"zh": "输出格式：text（默认）或 json", "en": "output format: text (default) or json"},
    "cli.help.quiet": {"zh": "只输出结果和错误（不显示进度和提示）", "en": "only results and errors (no progress, no notes)"},
    "cli.help.verbose": {"zh": "显示更多细节（可重复）", "en": "more detail (repeatable)"},
    "cli.help.keys_init": {"zh": "创建本机的数据密钥（及 --reviewer 的签名密钥）", "en": "create this machine's data key (and a signing key for --reviewer)"},
    "cli.help.keys_rotate": {"zh": "轮换数据密钥，或为 --reviewer 换新签名密钥", "en": "rotate the data key, or give --reviewer a new signing key"},
    "cli.help.keys_list": {"zh": "列出密钥标识（从不显示密钥本身）", "en": "list key ids (never the keys)"},
    "cli.help.keys_trust": {"zh": "信任一名审核人的公钥（或用 --audit 信任审计公钥）", "en": "trust a reviewer's public key (or, with --audit, an audit key)"},
    "cli.help.keys_revoke": {"zh": "撤销对某密钥的信任", "en": "revoke trust in a key"},
    "cli.help.keys_recipient": {"zh": "为申请方生成接收密钥对（X25519）", "en": "make an applicant's recipient key pair (X25519)"},
    "cli.help.delivery_key": {"zh": "输出本部门的交付签名公钥（接收方用 receive --trust 固定它）", "en": "print the department's delivery public key (recipients pin it with receive --trust)"},
    "cli.help.delivery_trust": {"zh": "部门的交付公钥（opendata keys public --delivery 输出）；只接受它签名的交付", "en": "the department's delivery public key (from opendata keys public --delivery); only deliveries it signed are accepted"},
    "cli.help.keys_public": {"zh": "输出签名密钥（或 --audit 审计密钥）的公钥", "en": "print a signing key's (or, with --audit, the audit key's) public key"},
    "cli.help.keys_pem": {"zh": "公钥文件（PEM）", "en": "a public key file (PEM)"},
    "cli.help.key_id": {"zh": "密钥标识", "en": "a key id"},
    "cli.help.catalog_pull": {"zh": "从目录取回一个已发布的数据集", "en": "read a published dataset back from a catalogue"},
    "cli.help.catalog_diff": {"zh": "比较本地目录与另一个目录", "en": "compare a local catalogue with another"},
    "cli.help.catalog_status": {"zh": "列出各数据集的更新频率与是否逾期", "en": "each dataset's update frequency and whether it is overdue"},
    "cli.help.audit_verify": {"zh": "核验审计日志的哈希链", "en": "verify the audit log's hash chain"},
    "cli.help.audit_show": {"zh": "查看某数据集的审计历史", "en": "show a dataset's audit history"},
    "cli.help.completion": {"zh": "输出命令补全脚本（eval \"$(opendata completion bash)\"）", "en": "print a shell completion script (eval \"$(opendata completion bash)\")"},
    "cli.help.parts": {"zh": "分片数据（redact --engine spark 的输出）按已审核的分片文件逐个发布（CSV 与 Parquet 各一组）；"
                             "默认合并为一个 CSV 文件和一个 Parquet 文件",
                       "en": "publish a table in parts (the output of redact --engine spark) as its approved parts "
                             "(CSV and Parquet parts); by default they are joined into one CSV and one Parquet file"},
    "cli.help.replace": {"zh": "允许替换目录中来源或发布部门不同的同名数据集", "en": "allow replacing a dataset of the same name from another source or publisher"},
    "cli.help.init": {"zh": "为本部门创建工作区（opendata.toml、组织、分类扩展、datasets/）", "en": "create a department's workspace (opendata.toml, organisations, taxonomy extensions, datasets/)"},
    "cli.help.init_dir": {"zh": "工作区目录", "en": "the workspace directory"},
    "cli.help.init_publisher": {"zh": "本部门在目录中的组织标识（小写字母、数字、-）", "en": "the department's organisation id in the catalogue (lower-case letters, digits, -)"},
    "cli.help.init_name": {"zh": "本部门的中文名称（发布部门）", "en": "the department's name (the publisher)"},
    "cli.help.init_name_en": {"zh": "本部门的英文名称", "en": "the department's English name"},
    "cli.help.init_contact": {"zh": "数据集联系人（默认为部门名称）", "en": "the datasets' contact (default: the department)"},
    "cli.help.init_email": {"zh": "联系人电子邮箱", "en": "the contact's e-mail address"},
    "cli.help.init_license": {"zh": "默认许可协议（默认 CC-BY-4.0）", "en": "default licence (default CC-BY-4.0)"},
    "cli.help.init_frequency": {"zh": "默认更新频率（catalog/frequencies.json 中的标识）", "en": "default update frequency (an id of catalog/frequencies.json)"},
    "cli.help.describe": {"zh": "为一个原始表格文件起草完整的 datapackage.json", "en": "draft a complete datapackage.json for a bare table file"},
    "cli.help.describe_path": {"zh": "CSV/XLSX/XLS/JSON/Parquet 文件", "en": "a CSV/XLSX/XLS/JSON/Parquet file"},
    "cli.help.describe_out": {"zh": "写入的数据集目录（复制数据文件并写 datapackage.json）；不给则打印", "en": "a dataset directory to write (the data file copied, datapackage.json written); printed if absent"},
    "cli.help.describe_title": {"zh": "数据集标题（默认取自文件名或表格标题行）", "en": "the dataset's title (default: the file name or the sheet's title row)"},
    "cli.help.describe_name": {"zh": "数据集标识（默认由标题转写为拼音）", "en": "the dataset's name (default: the title in pinyin)"},
    "cli.help.describe_sheet": {"zh": "工作表名称（默认第一个含数据的工作表）", "en": "the sheet (default: the first with data)"},
    "cli.progress.rows": {"zh": "行", "en": "rows"},
    "cli.progress.check": {"zh": "正在检查 {name}", "en": "checking {name}"},
    "cli.progress.scan": {"zh": "正在扫描 {name}", "en": "scanning {name}"},
    "cli.progress.redact": {"zh": "正在处理 {name}", "en": "redacting {name}"},
    "argparse.usage": {"zh": "用法：", "en": "usage: "},
    "argparse.positionals": {"zh": "位置参数", "en": "positional arguments"},
    "argparse.options": {"zh": "选项", "en": "options"},
    "argparse.help": {"zh": "显示此帮助并退出", "en": "show this help message and exit"},
    "argparse.error": {"zh": "%(prog)s：错误：%(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "argparse.required": {"zh": "缺少必需的参数：%s", "en": "the following arguments are required: %s"},
    "argparse.unrecognized": {"zh": "无法识别的参数：%s", "en": "unrecognized arguments: %s"},
    "argparse.invalid_choice": {"zh": "无效的选择：%(value)r（可选：%(choices)s）", "en": "invalid choice: %(value)r (choose from %(choices)s)"},
    "argparse.argument": {"zh": "参数 %(argument_name)s：%(message)s", "en": "argument %(argument_name)s: %(message)s"},
    "argparse.expected_one": {"zh": "需要一个值", "en": "expected one argument"},
    "argparse.expected_at_most_one": {"zh": "至多需要一个值", "en": "expected at most one argument"},
    "argparse.expected_at_least_one": {"zh": "至少需要一个值", "en": "expected at least one argument"},
    "argparse.ambiguous": {"zh": "选项不明确：%(option)s 可匹配 %(matches)s", "en": "ambiguous option: %(option)s could match %(matches)s"},
    "argparse.invalid_value": {"zh": "无效的 %(type)s 值：%(value)r", "en": "invalid %(type)s value: %(value)r"},
    "argparse.not_allowed_with": {"zh": "不能与参数 %s 同时使用", "en": "not allowed with argument %s"},
    "argparse.one_required": {"zh": "参数 %s 必须给出其中之一", "en": "one of the arguments %s is required"},
    "input.sheet_layout": {"zh": "{path}：按 dialect 读取：表头在第 {header} 行，跳过其上方 {before} 行，跳过合计、备注行 {skipped}",
                           "en": "{path}: read as its dialect says: header on row {header}, {before} rows above it skipped, totals and notes skipped: rows {skipped}"},
    "input.shared_schema_missing": {
        "zh": "{path}：资源“{resource}”引用的共享表结构 {schema} 不存在（已查找：{where}）",
        "en": "{path}: resource \"{resource}\" refers to the shared schema {schema}, which does not exist (looked in: {where})",
    },
    "publish.missing_metadata": {
        "zh": "数据集“{name}”不能发布：缺少 {missing}。请补充到 datapackage.json（在工作区中用 opendata describe 起草的数据集会自动填写）",
        "en": "dataset \"{name}\" cannot be published: it has no {missing}. Add them to datapackage.json "
        "(opendata describe fills them in from the workspace)",
    },
    "publish.property.title": {"zh": "标题（title）", "en": "title (title)"},
    "publish.property.licenses": {"zh": "许可协议（licenses）", "en": "licence (licenses)"},
    "publish.property.opendata.publisher": {"zh": "发布部门（opendata.publisher）", "en": "publisher (opendata.publisher)"},
    "publish.property.opendata.contact": {"zh": "联系方式（opendata.contact：姓名及邮箱、电话或网址）",
                                          "en": "contact (opendata.contact: a name and an e-mail, phone or URL)"},
    "publish.name_taken": {
        "zh": "目录中已有名为“{name}”的数据集，发布部门为 {publisher}（本数据集：{ours}）；不会替换它。"
        "请改用另一个数据集标识，或确认要替换时加 --replace",
        "en": "the catalogue already has a dataset named \"{name}\" from publisher {publisher} (this one: {ours}); "
        "it is not replaced. Choose another name, or pass --replace if it should be replaced",
    },
    "cli.progress.done": {"zh": "{step}：读取 {rows} 行、{size} MB 文本，用时 {seconds} 秒", "en": "{step}: {rows} rows, {size} MB of text read in {seconds} s"},
    "check.publish_needs": {"zh": "注意：发布前还须补充 {missing}（opendata describe 会按工作区填写）",
                            "en": "note: publishing will also need {missing} (opendata describe fills them in from the workspace)"},
    "cli.progress.describe": {"zh": "正在分析 {name}", "en": "describing {name}"},
    "describe.summary": {"zh": "数据集草稿：{name}（{title}），{fields} 个字段", "en": "draft dataset: {name} ({title}), {fields} fields"},
    "describe.grade": {"zh": "建议等级 {grade}，开放属性：{openness}。理由：", "en": "suggested grade {grade}, openness: {openness}. Why:"},
    "describe.decide": {"zh": "需要您决定或补充：", "en": "left for you to decide or add:"},
    "describe.decide_pii": {"zh": "字段“{field}”含{type}：建议处理方式 {treatment}；如依法公开，请改为 disclosure 并写明依据",
                            "en": "field \"{field}\" holds {type}: suggested treatment {treatment}; if the law requires it to be public, write a disclosure with its basis instead"},
    "describe.decide_uncertain": {"zh": "字段“{field}”可能含{type}：请确认，写 pii 类型或 \"none\"",
                                  "en": "field \"{field}\" may hold {type}: confirm it with a pii type, or \"none\""},
    "describe.decide_grade": {"zh": "数据集等级：未声明，按策略默认等级处理（当前 {grade}）；确认没有敏感内容后，在 opendata.grade 中写明等级",
                              "en": "the dataset's grade is not declared, so the policy's default applies (now {grade}); once you are sure nothing is sensitive, set opendata.grade"},
    "describe.decide_serial_dates": {"zh": "字段“{field}”像是未设置日期格式的 Excel 日期序号（如 45292 即 2024-01-01）：请在 Excel 中把该列设为日期格式后重新导出",
                                      "en": "field \"{field}\" looks like Excel serial dates left unformatted (45292 is 2024-01-01): format the column as dates in Excel and export again"},
    "describe.decide_missing": {"zh": "缺少{property}", "en": "missing: {property}"},
    "describe.decide_description": {"zh": "写一段说明（description）：数据从哪里来、包含什么", "en": "write a description: where the data comes from and what it holds"},
    "describe.decide_keywords": {"zh": "补充关键词（keywords）", "en": "add keywords"},
    "describe.no_workspace": {"zh": "不在工作区中：发布部门、许可协议、联系方式须手工填写（或先运行 opendata init）",
                              "en": "not in a workspace: publisher, licence and contact must be filled in by hand (or run opendata init first)"},
    "describe.shared": {"zh": "与共享表结构 {schema} 对应：{matched}/{columns} 列（沿用其字段名、类型和约束）",
                        "en": "matches the shared schema {schema}: {matched} of {columns} columns (its field names, types and constraints are used)"},
    "describe.generic_title": {"zh": "{path}：名称“{stem}”看不出是什么数据；请用 --title 给出数据集标题",
                               "en": "{path}: the name \"{stem}\" does not say what the data is; give the dataset a title with --title"},
    "describe.header_holds_pii": {"zh": "{path}：表头第 {columns} 列含个人信息，像是数据而不是列名；请在文件第一行加上列名后重试（不会把它写进描述文件）",
                                  "en": "{path}: header column {columns} holds personal information, so it looks like data, not a column name; add a header row and try again (it is not written into a descriptor)"},
    "describe.exists": {"zh": "{path} 已存在；起草不会覆盖已有的描述文件", "en": "{path} already exists; a draft never overwrites a descriptor"},
    "describe.written": {"zh": "已写入数据集目录 {path}（检查：opendata check {path}）", "en": "dataset directory written: {path} (check it: opendata check {path})"},
    "workspace.bad_frequency": {"zh": "更新频率“{value}”不在目录中（可用值：{allowed}）", "en": "update frequency \"{value}\" is not in the catalogue (allowed: {allowed})"},
    "describe.sheets": {"zh": "工作簿有多个工作表：已描述“{sheet}”；其余（{others}）请分别用 --sheet 描述",
                        "en": "the workbook has several sheets: \"{sheet}\" was described; describe the others ({others}) with --sheet"},
    "describe.skipped_title": {"zh": "跳过表头上方的标题行：第 {rows} 行", "en": "title rows above the header skipped: row {rows}"},
    "describe.skipped_note": {"zh": "跳过数据下方的合计、备注行：第 {rows} 行（已记入 dialect.commentRows）",
                              "en": "totals and notes below the data skipped: row {rows} (recorded as dialect.commentRows)"},
    "describe.header_rows": {"zh": "表头占两行（合并单元格）：第 {rows} 行，已合成字段标题（dialect.headerRows）",
                             "en": "a header over two rows (merged cells): rows {rows}, joined into the field titles (dialect.headerRows)"},
    "workspace.untrusted": {"zh": "{path} 属于其他用户或任何人可写，不作为工作区使用；确认可信后用 OPENDATA_CONFIG 指定它",
                            "en": "{path} belongs to another user or is writable by anyone, so it is not used as the workspace; if you trust it, name it in OPENDATA_CONFIG"},
    "workspace.none": {"zh": "{cwd} 及其上级目录中没有 opendata.toml；请先运行 opendata init 目录 创建工作区，或设置 OPENDATA_CONFIG",
                       "en": "no opendata.toml in {cwd} or above it; create a workspace with opendata init DIR, or set OPENDATA_CONFIG"},
    "workspace.exists": {"zh": "{path} 已存在；不会覆盖已有的工作区", "en": "{path} already exists; an existing workspace is never overwritten"},
    "workspace.bad_publisher": {"zh": "组织标识“{value}”无效：只能用小写字母、数字、- 和 _（2–100 个字符）",
                                "en": "organisation id \"{value}\" is not valid: lower-case letters, digits, - and _ only (2–100 characters)"},
    "workspace.created": {"zh": "已创建工作区 {path}\n  配置：{config}\n  数据集放在：{datasets}\n下一步：opendata describe 你的文件.csv --out datasets/数据集名",
                          "en": "workspace created in {path}\n  settings: {config}\n  datasets go in: {datasets}\nnext: opendata describe your-file.csv --out datasets/NAME"},
    "cli.interrupted": {"zh": "已中断", "en": "interrupted"},
    "cli.internal_error": {
        "zh": "内部错误（{kind}）；这是 opendata 的缺陷，请附上命令报告给维护者",
        "en": "internal error ({kind}); this is a bug in opendata, please report it with the command",
    },
    # ---- personal information on unfamiliar data (issue 14): uncertain fields, metadata, the last line ----
    "finding.pii_uncertain": {
        "zh": "资源“{resource}”字段“{field}”可能含{type}，但证据不足以判定（{matches}/{sampled} 个值相符，{ratio}；"
              "{why}；样例 {samples}）。请由数据官判定：若是，在描述文件中为该字段声明 \"pii\": \"{type}\" 及处理方式"
              "（\"treatment\"）；若不是，声明 \"pii\": \"none\"（该判定将随审核签名记录）",
        "en": "resource \"{resource}\" field \"{field}\" may hold {type}, but the evidence does not decide "
              "({matches}/{sampled} values match, {ratio}; {why}; samples {samples}). An officer must decide: if it "
              "does, declare \"pii\": \"{type}\" with a \"treatment\" for the field in the descriptor; if not, declare "
              "\"pii\": \"none\" (the decision is recorded with the reviewer's signature)",
    },
    "uncertain.share": {"zh": "相符的值占比低于判定阈值、高于噪声下限", "en": "the share of matching values is below the "
                        "decision threshold and above the noise floor"},
    "uncertain.header": {"zh": "字段名表明是个人信息，但值与已知格式都不相符", "en": "the header says personal "
                         "information, but the values fit none of its known forms"},
    "uncertain.path": {"zh": "JSON 路径 {path}：{why}", "en": "JSON path {path}: {why}"},
    "uncertain.damaged": {"zh": "值像被电子表格截断的身份证号（科学计数法或末位补 0），前几位是有效的行政区划代码和出生日期",
                          "en": "the values look like ID numbers a spreadsheet cut short (scientific notation or "
                                "padded with zeros): their first digits are a valid division code and birth date"},
    "uncertain.weak": {"zh": "字段名无提示，仅凭较弱的值特征", "en": "no header hint; only a weak signal in the values"},
    "uncertain.text": {"zh": "字段名表明是人员，但值被当作文本读取，许多单元格中未找到姓名（其姓名的写法未能识别）",
                       "en": "the header names a person, but the values read as text and many cells hold no name "
                             "found (their names are written in a form not recognised)"},
    "uncertain.lifetime": {"zh": "字段名无提示，但几乎全是跨越数十年的成年人出生年代的日期，且表中各行是个人：可能是出生日期",
                           "en": "no header hint, but nearly all values are dates of adults' lifetimes spread over "
                                 "decades, in a table whose rows are persons: they may be birth dates"},
    "uncertain.context": {"zh": "经纬度坐标：表中既无法确定各行是个人（住户），也无法确定是站点或机构",
                          "en": "coordinates: the table says neither that its rows are persons (households) nor that "
                          "they are places or organisations"},
    "grade.pii_uncertain": {"zh": "{grade}：可能含个人信息（{types}），待数据官判定",
                            "en": "{grade}: may hold personal information ({types}), awaiting an officer's decision"},
    "scan.uncertain": {
        "zh": "字段“{field}”：可能含{type}（{code}），{matches}/{sampled} 个值相符（{ratio}）——待判定",
        "en": "field \"{field}\": may hold {type} ({code}), {matches}/{sampled} values match ({ratio}) — undecided",
    },
    "scan.sparse": {
        "zh": "字段“{field}”：{matches} 个单元格为{type}（{code}），共 {sampled} 个值",
        "en": "field \"{field}\": {matches} cells are {type} ({code}), of {sampled} values",
    },
    "redact.pii_uncertain": {
        "zh": "资源“{resource}”字段“{field}”可能含{type}，尚待判定；未写出任何结果。请先运行 opendata check 查看证据，"
              "并在描述文件中声明该字段的 \"pii\"",
        "en": "resource \"{resource}\" field \"{field}\" may hold {type} and is undecided; nothing was written. Run "
              "opendata check for the evidence and declare the field's \"pii\" in the descriptor",
    },
    "redact.pii_in_metadata": {
        "zh": "描述信息或表头“{where}”含{type}（{sample}）：脱敏副本会原样带出它，未写出任何结果。请删除或改写它"
              "（没有表头的表格：请补上表头行）",
        "en": "the descriptor property or header \"{where}\" holds {type} ({sample}): the redacted copy would carry it "
              "as it stands; nothing was written. Remove or rewrite it (a table without a header row: add one)",
    },
    "finding.pii_in_metadata": {
        "zh": "描述信息“{where}”含{type}（{sample}）：元数据会原样出现在门户和目录中，请删除或改写",
        "en": "the descriptor property \"{where}\" holds {type} ({sample}): metadata is published as it stands; "
              "remove or rewrite it",
    },
    "redact.residual_rows": {
        "zh": "脱敏后复查发现资源“{resource}”字段“{field}”仍有 {matches} 处{type}（第 {rows} 行，如 {samples}）；"
              "未写出任何结果。可选办法：为该字段声明更严格的处理 {{\"operator\": \"suppress\"}}，或运行 "
              "opendata redact … --mask-all {field}（整格遮盖）或 --suppress {field}（删除该字段）",
        "en": "the re-scan after redaction still finds {matches} {type} in resource \"{resource}\" field \"{field}\" "
              "(rows {rows}, e.g. {samples}); nothing was written. Ways forward: declare a stricter treatment "
              "{{\"operator\": \"suppress\"}} for the field, or run opendata redact … --mask-all {field} (mask whole "
              "cells) or --suppress {field} (drop the field)",
    },
    "redact.last_line": {
        "zh": "最终复查（独立检查）发现资源“{resource}”字段“{field}”有 {count} 个单元格{what}；未写出任何结果",
        "en": "the final independent check found {count} cells in resource \"{resource}\" field \"{field}\" "
              "{what}; nothing was written",
    },
    "last_line.raw_cell": {"zh": "在已判定为个人信息的字段中保持原样", "en": "left raw in a field decided personal"},
    "last_line.identifier": {"zh": "含身份证号或银行卡号长度且校验通过的数字串",
                             "en": "holding a digit run of ID or card length that passes its check"},
    "last_line.phone": {"zh": "含未遮盖的手机号（任意分隔符、前缀或标签写法）",
                        "en": "holding an unmasked mobile number (in any written form: separators, prefixes, labels)"},
    "last_line.document": {"zh": "在“护照”“回乡证”等词后含未遮盖的证件号码",
                           "en": "holding an unmasked passport or permit number after the word for it"},
    "last_line.mrz": {"zh": "含未遮盖的护照机读码行", "en": "holding an unmasked line of a passport's machine-readable zone"},
    "last_line.regional_id": {"zh": "含校验通过的港澳台居民身份证号码",
                              "en": "holding a Hong Kong, Macao or Taiwan identity card number that passes its check"},
    "last_line.account": {"zh": "在“微信”“QQ”等词后含未遮盖的账号",
                          "en": "holding an unmasked WeChat ID or QQ number after the word for it"},
    "last_line.regional_phone": {"zh": "含未遮盖的港澳台电话号码（+852、+853、+886 或 09xx-xxx-xxx）",
                                 "en": "holding an unmasked Hong Kong, Macao or Taiwan phone number "
                                       "(+852, +853, +886 or 09xx-xxx-xxx)"},
    "last_line.name_cue": {"zh": "在“来电人”等提示词后含未遮盖的姓名", "en": "holding an unmasked name after a cue word "
                           "such as 来电人"},
    "cli.help.mask_all": {"zh": "整格遮盖该字段的每个单元格（可重复；字段名或 资源.字段）",
                          "en": "mask every cell of this field whole (repeatable; field or resource.field)"},
    "cli.help.suppress": {"zh": "不输出该字段（可重复；字段名或 资源.字段）",
                          "en": "leave this field out of the output (repeatable; field or resource.field)"},
    "redact.unknown_field": {"zh": "{option}：资源中没有字段“{field}”", "en": "{option}: no field \"{field}\" in the data"},
    # -- issue 15: gate, approval, keys and audit log (one snapshot, final retraction, trust, checkpoints) --
    "approval.changed_since_check": {"zh": "审核被拒绝：检查并展示给审核人之后，文件“{file}”已被改动（共 {count} 处）；请重新检查和审核", "en": "approval refused: the file \"{file}\" changed after it was checked and shown ({count} in all); check and approve again"},
    "approval.retracted_since": {"zh": "该数据集已于 {retracted} 撤回，而此审核（{approval}）签于 {approved}，早于撤回；重新发布需要撤回之后的新审核", "en": "the dataset was retracted at {retracted}, after this approval ({approval}) was signed at {approved}; publishing again needs an approval signed after the retraction"},
    "keys.bad_time": {"zh": "{what} 的时间“{value}”不是有效的日期（ISO 格式，如 2027-01-31 或 2027-01-31T18:00+08:00）", "en": "the {what} time \"{value}\" is not a valid date (ISO format, e.g. 2027-01-31 or 2027-01-31T18:00+08:00)"},
    "keys.trust_revoked": {"zh": "密钥 {key_id} 已于 {when} 被撤销信任，不会因再次信任而恢复；确需恢复请加 --unrevoke（将记入审计日志）", "en": "the key {key_id} was revoked at {when} and is not trusted again by trusting it; to un-revoke it, add --unrevoke (recorded in the audit log)"},
    "keys.bad_trust_entry": {"zh": "信任库 {path} 中密钥 {key_id} 的条目已损坏（公钥或时间无法读取）", "en": "the trust store {path} has a damaged entry for {key_id} (unreadable public key or time)"},
    "keys.id_mismatch": {"zh": "密钥 {key_id} 与 {path} 中的密钥不符（密钥标识由公钥算出）：该文件可能被替换，已拒绝", "en": "the key in {path} does not match its id {key_id} (ids are derived from the public key): the file may have been replaced; refused"},
    "keys.encrypt_needs_passphrase": {"zh": "--encrypt 需要口令：请在终端中运行，或设置 OPENDATA_KEY_PASSPHRASE；未写入任何密钥", "en": "--encrypt needs a passphrase: run it in a terminal or set OPENDATA_KEY_PASSPHRASE; no key was written"},
    "keys.unsafe_public_permissions": {"zh": "文件 {path} 的权限为 {mode}，其他用户可改写；请执行 chmod 644 {path}", "en": "the file {path} has mode {mode} and can be rewritten by others; run chmod 644 {path}"},
    "cli.help.unrevoke": {"zh": "trust：恢复一个已撤销的密钥（记入审计日志）", "en": "trust: un-revoke a revoked key (recorded in the audit log)"},
    "audit.reason.blank": {"zh": "空行", "en": "blank line"},
    "audit.reason.not_json": {"zh": "不是 JSON", "en": "not JSON"},
    "audit.reason.changed": {"zh": "记录被改动（哈希不符）", "en": "record changed (hash mismatch)"},
    "audit.reason.chain": {"zh": "哈希链断裂（其前的记录被删除、插入或移动）", "en": "chain broken (a record before it was removed, added or moved)"},
    "audit.reason.sequence": {"zh": "序号不连续", "en": "sequence broken"},
    "audit.reason.checkpoint": {"zh": "签名检查点无效：签名不符或签名密钥不受信任（日志可能被整体重写）", "en": "invalid signed checkpoint: bad signature or untrusted key (the log may have been rewritten)"},
    "audit.reason.break": {"zh": "此处记录了一次断裂：追加时签名的日志头与日志不符（尾部被截断或日志被替换，或日志早于签名检查点）", "en": "a break is recorded here: at an append the signed head did not match the log (tail cut or log replaced, or the log predates signed checkpoints)"},
    "audit.reason.head_missing": {"zh": "缺少签名的日志头文件（.head）：无法证明日志未被截断", "en": "the signed head file (.head) is missing: the log cannot be shown to be uncut"},
    "audit.reason.head_signature": {"zh": "日志头文件（.head）的签名无效或密钥不受信任", "en": "the head file (.head) has a bad signature or an untrusted key"},
    "audit.reason.head_orphan": {"zh": "日志文件不存在，但有其签名的日志头：日志被删除", "en": "the log is missing but its signed head exists: the log was deleted"},
    "audit.reason.truncated": {"zh": "日志尾部被截断：签名的日志头指向的记录已不存在", "en": "the log's tail was cut: the record its signed head names is gone"},
    "audit.reason.rewritten": {"zh": "日志被重写：此行的哈希与签名的日志头不符", "en": "the log was rewritten: this line's hash differs from the signed head"},
    "keys.audit_trusted": {"zh": "已信任审计密钥 {key_id}：其签名的审计日志检查点可被核验", "en": "trusted the audit key {key_id}: logs it signs can be verified"},
    "cli.help.audit_key": {"zh": "public/trust：本机的审计公钥，或信任另一处的审计公钥（用于核验其审计日志）", "en": "public/trust: this installation's audit public key, or trust another's (to verify its audit logs)"},
    # ---- issue 15: hostile input, safe outputs, crash-consistent catalogue ---------------------
    "hostile.bad_url": {
        "zh": "{path}：{property} 只接受 http://、https:// 或 mailto: 地址（不含空白和控制字符）",
        "en": "{path}: {property} accepts only http://, https:// or mailto: addresses (no whitespace or "
        "control characters)",
    },
    "hostile.row_too_long": {
        "zh": "{path}：第 {row} 行超过 {limit} MiB，无法读取",
        "en": "{path}: row {row} is longer than {limit} MiB and cannot be read",
    },
    "hostile.json_too_deep": {
        "zh": "{path}：JSON 嵌套超过 {limit} 层，已拒绝读取",
        "en": "{path}: the JSON nests more than {limit} levels deep and is refused",
    },
    "hostile.json_keys_vary": {
        "zh": "{path}：{count} 个键各只出现在一条记录里（共 {keys} 个键）——键本身像是数据（例如以姓名或证件号为键），"
              "已拒绝读取；请改为每条记录键相同的表格",
        "en": "{path}: {count} keys each appear in one record only ({keys} keys in all): the keys look like data "
              "(a name or an ID number as a key) and the file is refused; write records that share their keys",
    },
    "hostile.xlsx_too_large": {
        "zh": "{path}：工作簿解压后超过 {limit} MiB（在“{member}”处），可能是压缩炸弹，已拒绝读取；"
        "大数据请用 CSV 或 Parquet",
        "en": "{path}: the workbook would inflate to more than {limit} MiB (at \"{member}\"), possibly a "
        "zip bomb, and is refused; large data belongs in CSV or Parquet",
    },
    "hostile.catalog_not_dir": {
        "zh": "{path}：不是目录，不能用作本地目录（--catalog 应指向目录）",
        "en": "{path}: not a directory, so it cannot be a local catalogue (--catalog takes a directory)",
    },
    "finding.pii_unscannable": {
        "zh": "资源“{resource}”字段“{field}”有 {count} 个单元格超过 {limit} 个字符，姓名检测不读取这么长的单元格：请在描述文件中"
              "声明该字段的 \"pii\"（处理方式，或 none），或用 opendata redact --mask-all / --suppress 处理该字段",
        "en": "resource \"{resource}\", field \"{field}\": {count} cells are longer than {limit} characters, which the "
              "name search does not read: declare the field's \"pii\" (a treatment, or none) in the descriptor, or "
              "give it opendata redact --mask-all / --suppress",
    },
    "redact.unscannable": {
        "zh": "资源“{resource}”字段“{field}”有 {count} 个单元格超过 {limit} 个字符，未经姓名检测，未写出任何结果。请声明该字段的 "
              "\"pii\"，或用 --mask-all / --suppress 处理该字段",
        "en": "resource \"{resource}\", field \"{field}\": {count} cells are longer than {limit} characters and were "
              "not searched for names; nothing was written. Declare the field's \"pii\", or give it --mask-all / "
              "--suppress",
    },
    "finding.formula_cells": {
        "zh": "资源“{resource}”字段“{field}”有 {count} 个以 = + - @、制表符或回车开头的单元格，电子表格会把它们当作公式执行；"
        "发布的 CSV 和数据字典会在其前面加单引号（'）使其成为文本（可逆，记录在 datapackage.json 的 opendata.formula_escape 中）",
        "en": "resource \"{resource}\", field \"{field}\": {count} cells start with = + - @, a tab or a carriage "
        "return, which spreadsheets run as formulas; the published CSV and data dictionary put a single quote (') "
        "in front to make them text (reversible, recorded as opendata.formula_escape in datapackage.json)",
    },
    "finding.formula_header": {
        "zh": "资源“{resource}”的字段名“{field}”以 = + - @、制表符或回车开头，电子表格打开 CSV 时会把表头当作公式执行；请改名",
        "en": "resource \"{resource}\": the field name \"{field}\" starts with = + - @, a tab or a carriage return, "
        "which spreadsheets run as a formula in the CSV header; rename the field",
    },
    "hostile.os_error": {
        "zh": "{path}：文件系统操作失败（{reason}）",
        "en": "{path}: the file system refused ({reason})",
    },
    "hostile.not_writable": {
        "zh": "{path}：无法写入（{reason}）；请检查权限或磁盘后重试",
        "en": "{path}: cannot be written ({reason}); check its permissions or the disk and try again",
    },
    # ---- issue 16: validation parity with frictionless ----------------------------------------
    "error.primary-key.null": {
        "zh": "第 {row} 行：主键（{fields}）的各单元格均为空",
        "en": "row {row}: every cell of the primary key ({fields}) is empty",
    },
    "error.primary-key.null.hint": {
        "zh": "主键不能全为空：补充主键值或删除该行",
        "en": "a primary key cannot be all empty: fill in the key or remove the row",
    },
    "error.byte-count": {
        "zh": "文件大小为 {actual} 字节，描述文件声明为 {expected} 字节",
        "en": "the file has {actual} bytes, the descriptor declares {expected}",
    },
    "error.byte-count.hint": {
        "zh": "文件可能不完整或已被修改；重新获取文件，或更正 bytes 属性",
        "en": "the file may be incomplete or changed; fetch it again, or correct the bytes property",
    },
    "error.row-count": {
        "zh": "数据有 {actual} 行，描述文件声明为 {expected} 行",
        "en": "the data has {actual} rows, the descriptor declares {expected}",
    },
    "error.row-count.hint": {
        "zh": "数据可能不完整；补齐数据，或更正 rows 属性",
        "en": "the data may be incomplete; complete it, or correct the rows property",
    },
    "error.hash-count": {
        "zh": "文件的 {algorithm} 哈希为 {actual}，描述文件声明为 {expected}",
        "en": "the file's {algorithm} hash is {actual}, the descriptor declares {expected}",
    },
    "error.hash-count.hint": {
        "zh": "文件可能已被修改；重新获取文件，或更正 hash 属性",
        "en": "the file may have been changed; fetch it again, or correct the hash property",
    },
    "input.encoding_at": {
        "zh": "{path}：第 {line} 行（字节偏移 {offset}）无法按 {encoding} 编码解码；"
        "请将文件另存为 UTF-8 或 GB18030 后重试",
        "en": "{path}: cannot decode line {line} (byte offset {offset}) as {encoding}; save the file as "
        "UTF-8 or GB18030 and try again",
    },
    "input.delimiter_sniffed": {
        "zh": "{path}：未声明分隔符，检测为 {delimiter}（与 Frictionless 相同）；请在 dialect.delimiter 中声明",
        "en": "{path}: no delimiter declared, detected {delimiter} (as Frictionless does); declare it as "
        "dialect.delimiter",
    },
    "input.compressed": {
        "zh": "{path}：不支持压缩文件（zip、gz 等）；请先解压，并让资源路径指向解压后的 CSV/XLSX 文件",
        "en": "{path}: compressed files (zip, gz …) are not supported; unpack it and point the resource's "
        "path at the CSV/XLSX file inside",
    },
    "descriptor.unsupported_property": {
        "zh": "{path}：资源“{resource}”的属性 {property} = {value} 暂不支持；"
        "请去掉该属性或改写数据（opendata 不会忽略已声明的属性）",
        "en": "{path}: resource \"{resource}\" declares {property} = {value}, which opendata does not "
        "support; remove it or rewrite the data (a declared property is never ignored)",
    },
    # ---- the public side (issue 19): portal search and facets, preview, Data API, usage ----------
    "serve.cannot_bind": {"zh": "无法在 {host}:{port} 上监听：{reason}", "en": "cannot listen on {host}:{port}: {reason}"},
    "cli.help.apply_limit": {"zh": "每个客户端每小时最多可提交的申请表数（总数为其十倍）",
                             "en": "application forms one client may submit per hour (ten times as many in all)"},
    "cli.help.max_rows": {"zh": "datastore_search 每页最多返回的行数", "en": "the most rows one datastore_search returns"},
    "cli.help.query_timeout": {"zh": "单次数据查询的时限（秒）", "en": "the time limit of one data query (seconds)"},
    "cli.help.usage_file": {"zh": "使用统计文件（默认为目录下的 .usage/usage.sqlite）",
                            "en": "the usage figures file (default: .usage/usage.sqlite in the catalogue)"},
    "cli.help.stats": {"zh": "各数据集的下载次数和接口调用次数（数据接口利用率）；对 CKAN 读取其自身的浏览和下载统计",
                       "en": "downloads and API calls per dataset (数据接口利用率); for a CKAN, its own views and downloads"},
    "cli.help.since": {"zh": "自该日期起（YYYY-MM-DD，含当日）", "en": "from this date on (YYYY-MM-DD, inclusive)"},
    "stats.bad_date": {"zh": "--since 应为日期 YYYY-MM-DD，而不是“{value}”", "en": "--since must be a date YYYY-MM-DD, not \"{value}\""},
    "stats.title": {"zh": "使用统计：{path}（{period}）", "en": "Usage: {path} ({period})"},
    "stats.period_all": {"zh": "全部时间", "en": "all time"},
    "stats.period_since": {"zh": "{since} 起", "en": "since {since}"},
    "stats.dataset": {"zh": "数据集", "en": "Dataset"},
    "stats.downloads": {"zh": "下载次数", "en": "Downloads"},
    "stats.api_calls": {"zh": "接口调用次数", "en": "API calls"},
    "stats.grants": {"zh": "批准申请（累计）", "en": "applications granted (ever)"},
    "stats.catalogue": {"zh": "（目录检索）", "en": "(catalogue search)"},
    "stats.total": {"zh": "合计", "en": "Total"},
    "stats.none": {"zh": "尚无使用记录（由 opendata serve 统计）", "en": "no usage recorded yet (opendata serve counts it)"},
    "stats.views": {"zh": "浏览次数", "en": "Views"},
    "stats.recent_views": {"zh": "近 14 天浏览", "en": "Views, last 14 days"},
    "stats.ckan_downloads": {"zh": "下载次数（点击）", "en": "Downloads (clicks)"},
    "stats.recent_downloads": {"zh": "近 14 天下载", "en": "Downloads, last 14 days"},
    "stats.ckan_title": {"zh": "使用统计：{url}（CKAN 自身的访问统计）", "en": "Usage: {url} (CKAN's own tracking)"},
    "stats.ckan_counts": {
        "zh": "CKAN 的统计口径：浏览＝在浏览器中打开数据集页面，下载＝点击页面上的资源链接，都由页面脚本上报"
              "（直接访问文件地址和 API 调用不计），同一浏览器同一天只计一次；数字截至该站点最近一次运行"
              " ckan tracking update。opendata 只读取汇总数字，不读取、不保存 CKAN 按 IP 生成的用户标识。",
        "en": "What CKAN counts: a view is a dataset page opened in a browser, a download a click on a resource "
              "link there, both reported by the page's JavaScript (files fetched directly and API calls are not "
              "counted), once per browser and day; figures as of the site's last `ckan tracking update`. "
              "opendata reads only these totals, never CKAN's IP-derived user keys."},
    "stats.ckan_none": {"zh": "尚无统计数字：CKAN 记录的访问要等站点运行 ckan tracking update 后才计入",
                        "en": "no figures yet: CKAN counts what it recorded only once the site runs `ckan tracking update`"},
    "stats.no_tracking": {"zh": "{url} 未启用 CKAN 的访问统计，没有可读的数字（CKAN 2.11 起在 ckan.plugins 中加上"
                                " tracking 插件并定期运行 ckan tracking update；2.10 及以前为 ckan.tracking_enabled = true）",
                          "en": "{url} does not track usage; there are no figures to read (CKAN 2.11: add the tracking "
                                "plugin to ckan.plugins and run `ckan tracking update` regularly; up to 2.10: "
                                "ckan.tracking_enabled = true)"},
    "stats.bad_figures": {"zh": "{url} 给出的数据集 {name} 的访问统计无法读取（{reason}），未作统计",
                          "en": "the tracking figures {url} gives for dataset {name} cannot be read ({reason}); no report made"},
    "stats.since_ckan": {"zh": "CKAN 的访问统计只有累计和近 14 天两个数字，不能按 --since 统计",
                         "en": "CKAN's tracking keeps a total and the last 14 days only; --since cannot be applied"},
    "stats.retracted": {"zh": "（已撤回）", "en": "(withdrawn)"},
    "api.missing": {"zh": "缺少参数 {field}", "en": "Missing value: {field}"},
    "api.not_integer": {"zh": "参数 {field} 应为整数", "en": "{field} must be an integer"},
    "api.out_of_range": {"zh": "参数 {field} 应在 {low} 到 {high} 之间", "en": "{field} must be between {low} and {high}"},
    "api.not_boolean": {"zh": "参数 {field} 应为 true 或 false", "en": "{field} must be true or false"},
    "api.not_json": {"zh": "参数 {field} 不是有效的 JSON", "en": "{field} is not valid JSON"},
    "api.wrong_shape": {"zh": "参数 {field} 的类型不对", "en": "{field} has the wrong type"},
    "api.unknown_parameter": {"zh": "未知参数 {field}", "en": "unknown parameter {field}"},
    "api.unknown_field": {"zh": "参数 {field} 中的字段“{name}”不存在", "en": "{field}: field \"{name}\" does not exist"},
    "api.filter_value": {"zh": "filters 中字段“{name}”的值应为一个值或值的列表",
                         "en": "filters: the value for \"{name}\" must be a value or a list of values"},
    "api.filter_type": {"zh": "filters 中的值与字段类型不符：{reason}", "en": "filters: a value does not fit its field's type: {reason}"},
    "api.q_value": {"zh": "参数 q 应为文本，或“字段: 文本”的对象", "en": "q must be text, or an object of field: text"},
    "api.sort_syntax": {"zh": "sort 应为“字段 asc|desc”，逗号分隔，而不是“{value}”",
                        "en": "sort must be \"field asc|desc\", comma-separated, not \"{value}\""},
    "api.sort_package": {"zh": "sort 中的“{value}”无法使用；可用：{known}（后跟 asc 或 desc）",
                         "en": "sort: cannot use \"{value}\"; known: {known} (followed by asc or desc)"},
    "api.fq_syntax": {"zh": "fq 应为“字段:值”，空格分隔，无法理解“{value}”",
                      "en": "fq must be field:value terms separated by spaces; cannot read \"{value}\""},
    "api.fq_field": {"zh": "fq 中的字段“{name}”无法检索；可用：{known}", "en": "fq: cannot filter on \"{name}\"; known: {known}"},
    "api.facet_field": {"zh": "facet.field 中的“{name}”无法分面；可用：{known}", "en": "facet.field: cannot facet on \"{name}\"; known: {known}"},
    "api.records_format": {"zh": "records_format 应为 objects 或 lists", "en": "records_format must be objects or lists"},
    "api.unsupported": {"zh": "不支持参数 {field}", "en": "{field} is not supported"},
    "api.timeout": {"zh": "查询超过 {seconds} 秒的时限，已停止；请缩小范围（filters、fields、limit）",
                    "en": "the query ran past the {seconds} s limit and was stopped; narrow it (filters, fields, limit)"},
    "api.busy": {"zh": "查询过多，服务器繁忙；请稍后重试", "en": "too many queries at once; try again shortly"},
    "api.no_dataset": {"zh": "未找到数据集：{name}", "en": "Not found: dataset {name}"},
    "api.no_resource": {"zh": "未找到资源：{id}", "en": "Not found: resource {id}"},
    "api.no_datastore": {"zh": "未找到可查询的资源：{id}（只有无条件开放数据集的数据文件可以查询）",
                         "en": "Not found: no queryable resource {id} (only the data of 无条件开放 datasets can be queried)"},
    "portal.search_label": {"zh": "搜索数据集", "en": "Search datasets"},
    "portal.filters": {"zh": "筛选", "en": "Filters"},
    "portal.facet.organization": {"zh": "数源部门", "en": "Publisher"},
    "portal.facet.subject": {"zh": "数据领域", "en": "Subject area"},
    "portal.facet.openness": {"zh": "开放属性", "en": "Openness"},
    "portal.facet.res_format": {"zh": "数据格式", "en": "Format"},
    "portal.facet.frequency": {"zh": "更新频率", "en": "Update frequency"},
    "portal.sort": {"zh": "排序", "en": "Sort by"},
    "portal.sort.updated": {"zh": "最近更新", "en": "Recently updated"},
    "portal.sort.title": {"zh": "名称", "en": "Title"},
    "portal.found": {"zh": "找到 {count} 个数据集", "en": "{count} datasets found"},
    "portal.empty": {"zh": "没有找到符合条件的数据集。请换个关键词，或清除筛选条件。",
                     "en": "No dataset matches. Try other words, or clear the filters."},
    "portal.clear": {"zh": "清除全部条件", "en": "Clear all"},
    "portal.prev": {"zh": "上一页", "en": "Previous"},
    "portal.next": {"zh": "下一页", "en": "Next"},
    "portal.page": {"zh": "第 {page} / {pages} 页", "en": "Page {page} of {pages}"},
    "portal.pager": {"zh": "分页", "en": "Pages"},
    "portal.results": {"zh": "数据集列表", "en": "Datasets"},
    "portal.noscript": {"zh": "检索和筛选需要启用 JavaScript；下面列出最近更新的数据集，完整列表见 catalog.json。",
                        "en": "Search and filters need JavaScript; the most recently updated datasets are listed below, "
                              "the full list is in catalog.json."},
    "portal.preview": {"zh": "数据预览", "en": "Preview"},
    "portal.preview_note": {"zh": "前 {shown} 行，共 {rows} 行（发布时从已审核的数据生成；表格可左右滚动）",
                            "en": "first {shown} of {rows} rows (made at publishing from the approved data; the table scrolls sideways)"},
    "portal.chart": {"zh": "趋势图：{value}（按{date}）", "en": "Chart: {value} over {date}"},
    "portal.chart_note": {"zh": "取前 {rows} 行；{points} 个点", "en": "first {rows} rows; {points} points"},
    "portal.map": {"zh": "位置分布：{lon} / {lat}", "en": "Map: {lon} / {lat}"},
    "portal.map_note": {"zh": "{points} 个点，经度 {lon_min}–{lon_max}，纬度 {lat_min}–{lat_max}（无底图）",
                        "en": "{points} points, longitude {lon_min}–{lon_max}, latitude {lat_min}–{lat_max} (no base map)"},
    "portal.usage": {"zh": "使用情况", "en": "Usage"},
    "portal.usage_text": {"zh": "下载 {downloads} 次 · 接口调用 {api_calls} 次（近 14 天：下载 {recent_downloads} 次，调用 {recent_api_calls} 次）",
                          "en": "{downloads} downloads · {api_calls} API calls (last 14 days: {recent_downloads} downloads, {recent_api_calls} calls)"},
    "portal.usage_static": {"zh": "使用统计由 opendata serve 提供；静态浏览时不显示。",
                            "en": "Usage figures come from opendata serve; not shown when browsing the files."},
    "portal.api": {"zh": "数据接口", "en": "Data API"},
    "portal.api_text": {"zh": "通过 CKAN 兼容接口查询（opendata serve）：", "en": "Query it through the CKAN-compatible API (opendata serve):"},
    "portal.contact_email": {"zh": "电子邮件", "en": "e-mail"},
    "portal.format_none": {"zh": "仅元数据", "en": "metadata only"},
    "portal.skip": {"zh": "跳到正文", "en": "Skip to content"},
    "portal.size": {"zh": "大小", "en": "Size"},
    "portal.format": {"zh": "格式", "en": "Format"},
    "portal.checksum": {"zh": "校验值", "en": "Checksum"},
    "portal.file": {"zh": "文件", "en": "File"},
    "type.string": {"zh": "文本", "en": "text"},
    "type.integer": {"zh": "整数", "en": "integer"},
    "type.number": {"zh": "数值", "en": "number"},
    "type.boolean": {"zh": "布尔（是/否）", "en": "boolean"},
    "type.date": {"zh": "日期", "en": "date"},
    "type.datetime": {"zh": "日期时间", "en": "date and time"},
    "type.time": {"zh": "时间", "en": "time"},
    "type.year": {"zh": "年份", "en": "year"},
    "type.yearmonth": {"zh": "年月", "en": "year and month"},
    "type.duration": {"zh": "时长", "en": "duration"},
    "type.geopoint": {"zh": "地理坐标", "en": "geographic point"},
    "type.geojson": {"zh": "地理数据（GeoJSON）", "en": "GeoJSON"},
    "type.object": {"zh": "对象（JSON）", "en": "object (JSON)"},
    "type.array": {"zh": "数组（JSON）", "en": "array (JSON)"},
    "type.any": {"zh": "任意", "en": "any"},
}

_FORMATTER = string.Formatter()


class _Params(dict):
    """Format mapping that leaves unknown placeholders visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def set_language(lang: str | None) -> None:
    """Set the process-wide language (``zh`` or ``en``); ``None`` returns to the default."""
    global _current
    _current = normalize_language(lang) if lang else None


def normalize_language(lang: str) -> str:
    """Map ``zh-CN``, ``zh_CN.UTF-8``, ``en-US`` … to ``zh`` or ``en``; unknown → ``zh``."""
    short = lang.strip().lower().replace("_", "-").split("-")[0].split(".")[0]
    return short if short in LANGUAGES else "zh"


def current_language() -> str:
    """The language messages are rendered in when no ``lang`` is given."""
    if _current:
        return _current
    env = os.environ.get("OPENDATA_LANG")
    return normalize_language(env) if env else "zh"


class Ref:
    """A message of the catalogue given as the parameter of another (``what=Ref("last_line.name_cue")``): rendered in
    that message's language when it is, not when the parameter is made — an error renders in English for its
    ``str()`` and in the officer's language on screen, and a part fixed in one language would mix the two."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        if key not in MESSAGES:
            raise LookupError(f"no message {key!r} in the catalogue")
        self.key, self.params = key, params

    def __repr__(self) -> str:
        return f"Ref({self.key!r})"


def _rendered(value: Any, lang: str) -> Any:
    """A parameter as ``lang`` writes it: a :class:`Ref` rendered, a tuple of them listed (；in Chinese)."""
    if isinstance(value, Ref):
        return t(value.key, lang, **value.params)
    if isinstance(value, tuple) and value and all(isinstance(v, Ref) for v in value):
        return ("；" if lang == "zh" else "; ").join(t(v.key, lang, **v.params) for v in value)
    return value


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """Render message ``key`` in ``lang`` (or the current language) with ``params`` (a :class:`Ref` among them
    in the same language)."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise LookupError(f"no message {key!r} in the catalogue")
    lang = normalize_language(lang) if lang else current_language()
    params = {k: _rendered(v, lang) for k, v in params.items()}
    return _FORMATTER.vformat(entry[lang], (), _Params(params))


def has(key: str) -> bool:
    """Whether the catalogue has ``key``."""
    return key in MESSAGES
