package commerce.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Lucene's Solr and WordNet rule parsers with Elasticsearch's `lenient`: a rule whose words the
 * analyzer removes or splits (e.g. a stop word) is skipped instead of failing the whole filter.
 */
final class LenientSynonymParsers {
  private static final CharsRef SKIPPED = new CharsRef("");

  private LenientSynonymParsers() {}

  static final class Solr extends SolrSynonymParser {
    private final boolean lenient;

    Solr(boolean expand, boolean lenient, Analyzer analyzer) {
      super(true, expand, analyzer);
      this.lenient = lenient;
    }

    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
      try {
        return super.analyze(text, reuse);
      } catch (IllegalArgumentException e) {
        if (lenient) return SKIPPED;
        throw e;
      }
    }

    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
      if (input.length > 0 && output.length > 0) super.add(input, output, includeOrig);
    }
  }

  static final class Wordnet extends WordnetSynonymParser {
    private final boolean lenient;

    Wordnet(boolean expand, boolean lenient, Analyzer analyzer) {
      super(true, expand, analyzer);
      this.lenient = lenient;
    }

    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
      try {
        return super.analyze(text, reuse);
      } catch (IllegalArgumentException e) {
        if (lenient) return SKIPPED;
        throw e;
      }
    }

    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
      if (input.length > 0 && output.length > 0) super.add(input, output, includeOrig);
    }
  }
}
