/**
 * Reporters' personal data: field encryption ({@link cn.hanzhong.rectification.platform.privacy.FieldCipher})
 * and masking/pseudonymisation ({@link cn.hanzhong.rectification.platform.privacy.Masking}). Used by
 * petitions-service (the reporter vault, free text for readers who may not see it raw) and by
 * notification-service (webhook secrets are encrypted with the same cipher; notice text is masked),
 * so it belongs in the platform.
 */
package cn.hanzhong.rectification.platform.privacy;
