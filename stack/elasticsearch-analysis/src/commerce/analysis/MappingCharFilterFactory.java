package commerce.analysis;

import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/** The `mapping` char filter: `mappings` inline or `mappings_path`, each rule `key => value`. */
final class MappingCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
  private final NormalizeCharMap map;

  MappingCharFilterFactory(Environment env, String name, Settings settings) {
    super(name);
    List<String> lines = Analysis.getWordList(env, settings, "mappings");
    if (lines == null) throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    for (Rules.Rule rule : Rules.parse(lines, "mapping")) {
      if (rule.left().isEmpty()) throw new IllegalArgumentException("Invalid mapping rule: [" + rule + "]. Replaced string is empty");
      builder.add(rule.left(), rule.right());
    }
    this.map = builder.build();
  }

  @Override
  public Reader create(Reader reader) {
    return new MappingCharFilter(map, reader);
  }
}
