package commerce.analysis;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.Plugin;

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
    filters.put("decimal_digit", (index, env, name, settings) -> new PlainFilterFactory.Normalizing(name, settings, DecimalDigitFilter::new));
    filters.put("edge_ngram", (index, env, name, settings) -> NGramFilterFactory.edge(name, settings));
    filters.put("flatten_graph", (index, env, name, settings) -> new PlainFilterFactory(name, settings, FlattenGraphFilter::new));
    filters.put("keyword_repeat", (index, env, name, settings) -> new PlainFilterFactory(name, settings, KeywordRepeatFilter::new));
    filters.put("kstem", (index, env, name, settings) -> new PlainFilterFactory(name, settings, KStemFilter::new));
    filters.put("length", (index, env, name, settings) -> {
      int min = settings.getAsInt("min", 0);
      int max = settings.getAsInt("max", Integer.MAX_VALUE);
      return new PlainFilterFactory(name, settings, in -> new LengthFilter(in, min, max));
    });
    filters.put("ngram", NGramFilterFactory::ngram);
    filters.put("porter_stem", (index, env, name, settings) -> new PlainFilterFactory(name, settings, PorterStemFilter::new));
    filters.put("remove_duplicates", (index, env, name, settings) -> new PlainFilterFactory(name, settings, RemoveDuplicatesTokenFilter::new));
    filters.put("reverse", (index, env, name, settings) -> new PlainFilterFactory(name, settings, ReverseStringFilter::new));
    filters.put("stemmer", (index, env, name, settings) -> new StemmerFilterFactory(name, settings));
    filters.put("synonym", requiresAnalysisSettings((index, env, name, settings) -> new SynonymFilterFactory(index, env, name, settings, false)));
    filters.put("synonym_graph", requiresAnalysisSettings((index, env, name, settings) -> new SynonymFilterFactory(index, env, name, settings, true)));
    filters.put("trim", (index, env, name, settings) -> new PlainFilterFactory.Normalizing(name, settings, TrimFilter::new));
    filters.put("truncate", (index, env, name, settings) -> {
      int length = settings.getAsInt("length", 10);
      return new PlainFilterFactory(name, settings, in -> new TruncateTokenFilter(in, length));
    });
    filters.put("uppercase", (index, env, name, settings) -> new PlainFilterFactory.Normalizing(name, settings, UpperCaseFilter::new));
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
