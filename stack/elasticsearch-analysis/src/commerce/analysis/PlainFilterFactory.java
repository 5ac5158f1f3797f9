package commerce.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** A token filter that Elasticsearch documents without parameters: one Lucene filter around the stream. */
final class PlainFilterFactory extends AbstractTokenFilterFactory {
  private final UnaryOperator<TokenStream> filter;

  PlainFilterFactory(String name, Settings settings, UnaryOperator<TokenStream> filter) {
    super(name, settings);
    this.filter = filter;
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return filter.apply(tokenStream);
  }
}
