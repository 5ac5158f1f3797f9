package commerce.analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * `synonym_graph` and `synonym`: rules inline (`synonyms`) or from a file under the node's config
 * directory (`synonyms_path`), in Solr or WordNet `format`, with `expand`, `lenient` and `updateable`.
 * As in Elasticsearch, the rules are analysed by the chain that precedes the filter, so the map holds
 * the same terms the text will.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {
  private final boolean graph;
  private final Environment env;
  private final Settings settings;
  private final boolean expand;
  private final boolean lenient;
  private final boolean wordnet;
  private final AnalysisMode mode;

  SynonymFilterFactory(IndexSettings index, Environment env, String name, Settings settings, boolean graph) {
    super(name, settings);
    this.graph = graph;
    this.env = env;
    this.settings = settings;
    if (settings.hasValue("synonyms_set")) {
      throw new IllegalArgumentException("[" + name + "]: synonyms_set needs the synonyms API, which the local Elasticsearch lacks; use synonyms or synonyms_path");
    }
    if (!settings.hasValue("synonyms") && !settings.hasValue("synonyms_path")) {
      throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
    }
    this.expand = settings.getAsBoolean("expand", true);
    boolean updateable = settings.getAsBoolean("updateable", false);
    // Elasticsearch 8.x makes updateable synonyms lenient unless told otherwise
    this.lenient = settings.getAsBoolean("lenient", updateable);
    String format = settings.get("format", "solr");
    if (!format.equalsIgnoreCase("solr") && !format.equalsIgnoreCase("wordnet")) {
      throw new IllegalArgumentException("[" + name + "]: format must be [solr] or [wordnet], got [" + format + "]");
    }
    this.wordnet = format.equalsIgnoreCase("wordnet");
    this.mode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
  }

  @Override
  public AnalysisMode getAnalysisMode() {
    return mode;
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    throw new IllegalStateException("a synonym filter is built for its analysis chain first");
  }

  @Override
  public TokenFilterFactory getChainAwareTokenFilterFactory(
    IndexCreationContext context,
    TokenizerFactory tokenizer,
    List<CharFilterFactory> charFilters,
    List<TokenFilterFactory> previous,
    Function<String, TokenFilterFactory> allFilters
  ) {
    Analyzer analyzer = new CustomAnalyzer(
      tokenizer,
      charFilters.toArray(new CharFilterFactory[0]),
      previous.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
    );
    String origin = settings.hasValue("synonyms") ? "'" + name() + "' analyzer settings" : settings.get("synonyms_path");
    SynonymMap map = build(analyzer, origin);
    String name = name();
    String resource = settings.hasValue("synonyms") ? null : settings.get("synonyms_path");
    return new TokenFilterFactory() {
      @Override
      public String name() {
        return name;
      }

      // `synonym` is Elasticsearch's non-graph filter, which Lucene keeps deprecated
      @SuppressWarnings("deprecation")
      @Override
      public TokenStream create(TokenStream in) {
        if (map.fst == null) return in;
        return graph ? new SynonymGraphFilter(in, map, false) : new SynonymFilter(in, map, false);
      }

      // a second synonym filter must see the rules' own words, not this filter's expansions
      @Override
      public TokenFilterFactory getSynonymFilter() {
        return IDENTITY_FILTER;
      }

      @Override
      public AnalysisMode getAnalysisMode() {
        return mode;
      }

      @Override
      public String getResourceName() {
        return resource;
      }
    };
  }

  private SynonymMap build(Analyzer analyzer, String origin) {
    try {
      SynonymMap.Parser parser = wordnet ? new LenientSynonymParsers.Wordnet(expand, lenient, analyzer) : new LenientSynonymParsers.Solr(expand, lenient, analyzer);
      parser.parse(rules());
      return parser.build();
    } catch (Exception e) {
      throw new IllegalArgumentException("failed to build synonyms from [" + origin + "]", e);
    }
  }

  private Reader rules() {
    if (!settings.hasValue("synonyms")) return Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms");
    StringBuilder text = new StringBuilder();
    for (String line : Analysis.getWordList(env, settings, "synonyms")) text.append(line).append('\n');
    return new StringReader(text.toString());
  }
}
