/**
 * What an openid may be — the one pattern every door checks (issue 23, item 4): OPENID_MAX_LENGTH,
 * OPENID_RE and OPENID_RULE, the rule in the words the refusals use. WeChat's openids are 28
 * characters of [A-Za-z0-9_-]; the local cloud's dev ids may be up to 64.
 */
export const OPENID_MAX_LENGTH = 64;
export const OPENID_RE = new RegExp(`^[A-Za-z0-9_-]{1,${OPENID_MAX_LENGTH}}$`);
/** How a refusal says the rule: 「openid 应为 1–64 位字母、数字、下划线或连字符」. */
export const OPENID_RULE = `1–${OPENID_MAX_LENGTH} 位字母、数字、下划线或连字符`;
