package commerce.analysis;

import java.io.Reader;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;

/** The `html_strip` char filter with `escaped_tags` (tags left in the text). */
final class HtmlStripCharFilterFactory extends AbstractCharFilterFactory {
  private final Set<String> escapedTags;

  HtmlStripCharFilterFactory(String name, Settings settings) {
    super(name);
    this.escapedTags = new HashSet<>(settings.getAsList("escaped_tags"));
  }

  @Override
  public Reader create(Reader reader) {
    return new HTMLStripCharFilter(reader, escapedTags);
  }
}
