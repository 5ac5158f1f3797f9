package commerce.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;

/** `stemmer` with the English `language` values Elasticsearch documents (its default is `porter`). */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {
  private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.of(
    "english", PorterStemFilter::new,
    "porter", PorterStemFilter::new,
    "light_english", KStemFilter::new,
    "kstem", KStemFilter::new,
    "minimal_english", EnglishMinimalStemFilter::new,
    "possessive_english", EnglishPossessiveFilter::new,
    "porter2", in -> new SnowballFilter(in, new EnglishStemmer())
  );

  private final UnaryOperator<TokenStream> stemmer;

  StemmerFilterFactory(String name, Settings settings) {
    super(name, settings);
    String language = settings.get("language", settings.get("name", "porter"));
    this.stemmer = STEMMERS.get(language.toLowerCase(Locale.ROOT));
    if (stemmer == null) {
      throw new IllegalArgumentException("stemmer [" + name + "]: language [" + language + "] is not available locally; supported: " + STEMMERS.keySet());
    }
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return stemmer.apply(tokenStream);
  }
}
