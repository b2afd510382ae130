package cyborg.web.annotate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Someone who annotates. Only a hash of a token is stored: tokens are 24 random bytes, so a plain
 * SHA-256 cannot be brute-forced and needs no slow password hash.
 *
 * @param tokenHash hex SHA-256 of the token, or null for annotators identified by name alone
 */
public record Annotator(long id, String name, String tokenHash) {
    /** Names become folder names of exported maps: letters, digits, '.', '_', '-', not starting with '.'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks a name, saying what a valid one looks like. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("annotator name '" + name + "' is not valid: use 1 to 64 letters,"
                    + " digits, '.', '_' or '-', not starting with '.' (it becomes the folder of their exported maps)");
        }
        return name;
    }

    /** Whether {@code token} is this annotator's (constant time). */
    public boolean accepts(String token) {
        return tokenHash != null && token != null && MessageDigest.isEqual(
                tokenHash.getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    static String newToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
