package commerce.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/** A token filter that is one Lucene filter around the stream, its parameters (if any) read once. */
class PlainFilterFactory extends AbstractTokenFilterFactory {
  private final UnaryOperator<TokenStream> filter;

  PlainFilterFactory(String name, Settings settings, UnaryOperator<TokenStream> filter) {
    super(name, settings);
    this.filter = filter;
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return filter.apply(tokenStream);
  }

  /** One that works on a whole value too, so normalizers (keyword fields) may use it, as in Elasticsearch. */
  static final class Normalizing extends PlainFilterFactory implements NormalizingTokenFilterFactory {
    Normalizing(String name, Settings settings, UnaryOperator<TokenStream> filter) {
      super(name, settings, filter);
    }
  }
}
