package commerce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.TokenizerFactory;

/** The `whitespace` (max_token_length, 255), `keyword` (buffer_size, 256) and `letter` tokenizers. */
final class CharTokenizerFactories {
  private CharTokenizerFactories() {}

  static TokenizerFactory whitespace(IndexSettings index, Environment env, String name, Settings settings) {
    int maxTokenLength = settings.getAsInt("max_token_length", 255);
    return TokenizerFactory.newFactory(name, () -> new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength));
  }

  static TokenizerFactory keyword(IndexSettings index, Environment env, String name, Settings settings) {
    int bufferSize = settings.getAsInt("buffer_size", 256);
    return TokenizerFactory.newFactory(name, () -> new KeywordTokenizer(bufferSize));
  }

  static TokenizerFactory letter(IndexSettings index, Environment env, String name, Settings settings) {
    return TokenizerFactory.newFactory(name, LetterTokenizer::new);
  }
}
