package commerce.analysis;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** `word_delimiter_graph` with Elasticsearch's documented parameters and defaults. */
final class WordDelimiterGraphFilterFactory extends AbstractTokenFilterFactory {
  // parameter -> [Lucene flag, Elasticsearch's default]
  private static final Map<String, Object[]> FLAGS = Map.of(
    "generate_word_parts", new Object[] { GENERATE_WORD_PARTS, true },
    "generate_number_parts", new Object[] { GENERATE_NUMBER_PARTS, true },
    "catenate_words", new Object[] { CATENATE_WORDS, false },
    "catenate_numbers", new Object[] { CATENATE_NUMBERS, false },
    "catenate_all", new Object[] { CATENATE_ALL, false },
    "split_on_case_change", new Object[] { SPLIT_ON_CASE_CHANGE, true },
    "split_on_numerics", new Object[] { SPLIT_ON_NUMERICS, true },
    "preserve_original", new Object[] { PRESERVE_ORIGINAL, false },
    "stem_english_possessive", new Object[] { STEM_ENGLISH_POSSESSIVE, true },
    "ignore_keywords", new Object[] { IGNORE_KEYWORDS, false }
  );
  // the character types are public only on the deprecated WordDelimiterFilter; the graph filter uses the same values
  @SuppressWarnings("deprecation")
  private static final Map<String, Byte> TYPES = Map.of(
    "LOWER", (byte) WordDelimiterFilter.LOWER,
    "UPPER", (byte) WordDelimiterFilter.UPPER,
    "ALPHA", (byte) WordDelimiterFilter.ALPHA,
    "DIGIT", (byte) WordDelimiterFilter.DIGIT,
    "ALPHANUM", (byte) WordDelimiterFilter.ALPHANUM,
    "SUBWORD_DELIM", (byte) WordDelimiterFilter.SUBWORD_DELIM
  );

  private final int flags;
  private final boolean adjustOffsets;
  private final byte[] typeTable;
  private final CharArraySet protectedWords;

  WordDelimiterGraphFilterFactory(Environment env, String name, Settings settings) {
    super(name, settings);
    int f = 0;
    for (Map.Entry<String, Object[]> e : FLAGS.entrySet()) {
      if (settings.getAsBoolean(e.getKey(), (Boolean) e.getValue()[1])) f |= (Integer) e.getValue()[0];
    }
    this.flags = f;
    this.adjustOffsets = settings.getAsBoolean("adjust_offsets", true);
    List<String> types = Analysis.getWordList(env, settings, "type_table");
    this.typeTable = types == null ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE : typeTable(types);
    var words = Analysis.getWordSet(env, settings, "protected_words");
    this.protectedWords = words == null ? null : CharArraySet.copy(words);
  }

  private static byte[] typeTable(List<String> lines) {
    List<Rules.Rule> rules = Rules.parse(lines, "type_table");
    int size = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE.length;
    for (Rules.Rule r : rules) {
      if (r.left().length() != 1) throw new IllegalArgumentException("Invalid type_table rule: [" + r.left() + "], only a single character is allowed");
      size = Math.max(size, r.left().charAt(0) + 1);
    }
    byte[] table = new byte[size];
    for (int c = 0; c < size; c++) table[c] = WordDelimiterIterator.getType(c);
    for (Rules.Rule r : rules) {
      Byte type = TYPES.get(r.right());
      if (type == null) throw new IllegalArgumentException("Invalid type_table type: [" + r.right() + "], must be one of " + TYPES.keySet());
      table[r.left().charAt(0)] = type;
    }
    return table;
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new WordDelimiterGraphFilter(tokenStream, adjustOffsets, typeTable, flags, protectedWords);
  }

  // As in Elasticsearch: a synonym rule split into parts would no longer match what the rule says.
  @Override
  public TokenFilterFactory getSynonymFilter() {
    throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms except as part of an explicit synonym filter parameter");
  }
}
