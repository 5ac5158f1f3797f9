package commerce.analysis;

import java.util.function.IntPredicate;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/** `edge_ngram` and `ngram` tokenizers: min_gram (1), max_gram (2), token_chars, custom_token_chars. */
final class NGramTokenizerFactory extends AbstractTokenizerFactory {
  private final boolean edge;
  private final int min;
  private final int max;
  private final IntPredicate tokenChars;

  private NGramTokenizerFactory(IndexSettings index, Settings settings, String name, boolean edge) {
    super(index, settings, name);
    this.edge = edge;
    this.min = settings.getAsInt("min_gram", 1);
    this.max = settings.getAsInt("max_gram", 2);
    this.tokenChars = TokenChars.parse(settings.getAsList("token_chars"), settings.get("custom_token_chars"));
  }

  static NGramTokenizerFactory edge(IndexSettings index, Environment env, String name, Settings settings) {
    return new NGramTokenizerFactory(index, settings, name, true);
  }

  static NGramTokenizerFactory ngram(IndexSettings index, Environment env, String name, Settings settings) {
    NGramTokenizerFactory factory = new NGramTokenizerFactory(index, settings, name, false);
    checkGramDiff(index, "NGram Tokenizer", factory.min, factory.max);
    return factory;
  }

  /** Elasticsearch bounds max_gram - min_gram by the index setting index.max_ngram_diff (default 1). */
  static void checkGramDiff(IndexSettings index, String what, int min, int max) {
    int allowed = index.getMaxNgramDiff();
    if (max - min > allowed) {
      throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what + " must be less than or equal to: ["
        + allowed + "] but was [" + (max - min) + "]. This limit can be set by changing the [" + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
        + "] index level setting.");
    }
  }

  @Override
  public Tokenizer create() {
    if (tokenChars == null) return edge ? new EdgeNGramTokenizer(min, max) : new NGramTokenizer(min, max);
    IntPredicate keep = tokenChars;
    return edge
      ? new EdgeNGramTokenizer(min, max) {
        @Override
        protected boolean isTokenChar(int c) {
          return keep.test(c);
        }
      }
      : new NGramTokenizer(min, max) {
        @Override
        protected boolean isTokenChar(int c) {
          return keep.test(c);
        }
      };
  }
}
