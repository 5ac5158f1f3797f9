package commerce.analysis;

import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.Plugin;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * Lucene's analysis components under Elasticsearch's own names and documented parameters, so that
 * index settings written for a production cluster (where the analysis-common module provides these)
 * work unchanged on the minimal distribution. The server itself already registers standard, stop,
 * shingle, hunspell and lowercase; registering any of them again would fail the node. Components that
 * cannot exist without parameters (synonyms, mappings) say so, or every index would try to build them
 * bare, as Elasticsearch does for components usable by name alone.
 */
public final class AnalysisPlugin extends Plugin implements org.elasticsearch.plugins.AnalysisPlugin {
  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
    filters.put("asciifolding", (index, env, name, settings) -> new AsciiFoldingFilterFactory(name, settings));
    filters.put("edge_ngram", (index, env, name, settings) -> NGramFilterFactory.edge(name, settings));
    filters.put("ngram", NGramFilterFactory::ngram);
    filters.put("flatten_graph", (index, env, name, settings) -> new PlainFilterFactory(name, settings, FlattenGraphFilter::new));
    filters.put("keyword_repeat", (index, env, name, settings) -> new PlainFilterFactory(name, settings, KeywordRepeatFilter::new));
    filters.put("kstem", (index, env, name, settings) -> new PlainFilterFactory(name, settings, KStemFilter::new));
    filters.put("porter_stem", (index, env, name, settings) -> new PlainFilterFactory(name, settings, PorterStemFilter::new));
    filters.put("remove_duplicates", (index, env, name, settings) -> new PlainFilterFactory(name, settings, RemoveDuplicatesTokenFilter::new));
    filters.put("stemmer", (index, env, name, settings) -> new StemmerFilterFactory(name, settings));
    filters.put("synonym", requiresAnalysisSettings((index, env, name, settings) -> new SynonymFilterFactory(index, env, name, settings, false)));
    filters.put("synonym_graph", requiresAnalysisSettings((index, env, name, settings) -> new SynonymFilterFactory(index, env, name, settings, true)));
    filters.put("word_delimiter_graph", (index, env, name, settings) -> new WordDelimiterGraphFilterFactory(env, name, settings));
    return filters;
  }

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
    tokenizers.put("edge_ngram", NGramTokenizerFactory::edge);
    tokenizers.put("keyword", CharTokenizerFactories::keyword);
    tokenizers.put("letter", CharTokenizerFactories::letter);
    tokenizers.put("ngram", NGramTokenizerFactory::ngram);
    tokenizers.put("whitespace", CharTokenizerFactories::whitespace);
    return tokenizers;
  }

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    Map<String, AnalysisProvider<CharFilterFactory>> charFilters = new TreeMap<>();
    charFilters.put("html_strip", (index, env, name, settings) -> new HtmlStripCharFilterFactory(name, settings));
    charFilters.put("mapping", requiresAnalysisSettings((index, env, name, settings) -> new MappingCharFilterFactory(env, name, settings)));
    return charFilters;
  }
}
