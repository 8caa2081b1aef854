package cn.hanzhong.rectification.petitions.service.command;

/**
 * Publish a petition's disclosure row; a text left {@code null} is taken from the pseudonymised
 * preview, a given one is pseudonymised again before it is stored.
 */
public record Publish(String content, String investigation, String handling, String accountability) {

    public static final Publish AS_PREVIEWED = new Publish(null, null, null, null);
}
