package commerce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** `asciifolding` with `preserve_original`; usable in normalizers, as in Elasticsearch. */
final class AsciiFoldingFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
  private final boolean preserveOriginal;

  AsciiFoldingFilterFactory(String name, Settings settings) {
    super(name, settings);
    this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
  }

  // Synonym rules are parsed one token per position: the stacked original would break them.
  @Override
  public TokenFilterFactory getSynonymFilter() {
    if (!preserveOriginal) return this;
    String name = name();
    return new NormalizingTokenFilterFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, false);
      }
    };
  }
}
