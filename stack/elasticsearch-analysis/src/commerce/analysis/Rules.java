package commerce.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `left => right` rules with backslash escapes (n, t, r, b, f, uXXXX, any other character as itself), the form of `mappings` and `type_table`. */
final class Rules {
  private static final Pattern RULE = Pattern.compile("(.*?)\\s*=>\\s*(.*?)\\s*$");

  record Rule(String left, String right) {}

  private Rules() {}

  static List<Rule> parse(List<String> lines, String what) {
    List<Rule> rules = new ArrayList<>();
    for (String line : lines) {
      Matcher m = RULE.matcher(line.strip());
      if (!m.matches()) throw new IllegalArgumentException("Invalid " + what + " rule: [" + line + "], expected [left => right]");
      rules.add(new Rule(unescape(m.group(1)), unescape(m.group(2))));
    }
    return rules;
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 >= s.length()) throw new IllegalArgumentException("Invalid escape [\\u" + s.substring(i + 1) + "] in [" + s + "]");
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
