package commerce.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** The `token_chars` classes of the n-gram tokenizers: letter, digit, whitespace, punctuation, symbol, custom. */
final class TokenChars {
  private TokenChars() {}

  /** Null when no class is given: every character then belongs to a token. */
  static IntPredicate parse(List<String> classes, String customChars) {
    if (classes == null || classes.isEmpty()) return null;
    IntPredicate any = c -> false;
    for (String raw : classes) any = any.or(of(raw.trim().toLowerCase(Locale.ROOT), customChars));
    return any;
  }

  private static IntPredicate of(String name, String customChars) {
    switch (name) {
      case "letter":
        return Character::isLetter;
      case "digit":
        return Character::isDigit;
      case "whitespace":
        return Character::isWhitespace;
      case "punctuation":
        return c -> isPunctuation(Character.getType(c));
      case "symbol":
        return c -> isSymbol(Character.getType(c));
      case "custom":
        if (customChars == null || customChars.isEmpty()) {
          throw new IllegalArgumentException("Token type: 'custom' requires setting `custom_token_chars`");
        }
        return c -> customChars.indexOf(c) >= 0;
      default:
        throw new IllegalArgumentException("Unknown token type: '" + name + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]");
    }
  }

  private static boolean isPunctuation(int type) {
    return type == Character.CONNECTOR_PUNCTUATION
      || type == Character.DASH_PUNCTUATION
      || type == Character.START_PUNCTUATION
      || type == Character.END_PUNCTUATION
      || type == Character.INITIAL_QUOTE_PUNCTUATION
      || type == Character.FINAL_QUOTE_PUNCTUATION
      || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isSymbol(int type) {
    return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
  }
}
