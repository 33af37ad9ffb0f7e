package io.obconsole.alert;

/**
 * How a channel's messages are shaped. {@code WEBHOOK}: our JSON, signed with HMAC-SHA256 (a key
 * from configuration, by name). {@code DINGTALK}: a DingTalk custom-robot incoming webhook
 * (markdown message; its "sign" security setting with a key from configuration, when named) —
 * DingTalk because OceanBase's users and OCP's own alerting live there first.
 */
public enum ChannelFormat {
    WEBHOOK, DINGTALK
}
