package commerce.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** `edge_ngram` and `ngram` token filters: min_gram (1), max_gram (2), preserve_original (false). */
final class NGramFilterFactory extends AbstractTokenFilterFactory {
  private final UnaryOperator<TokenStream> filter;

  private NGramFilterFactory(String name, Settings settings, UnaryOperator<TokenStream> filter) {
    super(name, settings);
    this.filter = filter;
  }

  static NGramFilterFactory edge(String name, Settings settings) {
    int min = settings.getAsInt("min_gram", 1);
    int max = settings.getAsInt("max_gram", 2);
    boolean preserve = settings.getAsBoolean("preserve_original", false);
    // `side: back` is deprecated in Elasticsearch but still accepted: grams from the end of the word
    String side = settings.get("side", "front");
    if (side.equals("back")) {
      return new NGramFilterFactory(name, settings, in -> new ReverseStringFilter(new EdgeNGramTokenFilter(new ReverseStringFilter(in), min, max, preserve)));
    }
    if (!side.equals("front")) throw new IllegalArgumentException("edge_ngram [" + name + "]: side must be [front] or [back], got [" + side + "]");
    return new NGramFilterFactory(name, settings, in -> new EdgeNGramTokenFilter(in, min, max, preserve));
  }

  static NGramFilterFactory ngram(IndexSettings index, Environment env, String name, Settings settings) {
    int min = settings.getAsInt("min_gram", 1);
    int max = settings.getAsInt("max_gram", 2);
    NGramTokenizerFactory.checkGramDiff(index, "NGram Token Filter", min, max);
    boolean preserve = settings.getAsBoolean("preserve_original", false);
    return new NGramFilterFactory(name, settings, in -> new NGramTokenFilter(in, min, max, preserve));
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return filter.apply(tokenStream);
  }

  // Grams of a synonym rule's words would turn every rule into many partial matches.
  @Override
  public TokenFilterFactory getSynonymFilter() {
    throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
  }
}
