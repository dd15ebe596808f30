package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

/** How a policy record becomes a Lucene document of the index {@link PolicySearcher} searches. */
final class PolicyDocuments {

    private static final FieldType WITH_VECTORS = vectors();

    private PolicyDocuments() {
    }

    static void build(List<Policy> corpus, Places places, Analyzer analyzer, Directory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (Policy p : corpus) {
                writer.addDocument(document(p, places));
            }
            writer.forceMerge(1);
        }
    }

    private static Document document(Policy p, Places places) {
        Document doc = new Document();
        doc.add(new StringField(PolicySearcher.ID, p.id(), Field.Store.YES));
        doc.add(new Field("title", p.title(), WITH_VECTORS));
        doc.add(new Field("keywords", String.join(" ", p.keywords()), WITH_VECTORS));
        doc.add(new Field("category", p.category() + " " + p.subCategory(), WITH_VECTORS));
        doc.add(new Field("summary", p.summary(), WITH_VECTORS));
        doc.add(new Field("support", p.support(), WITH_VECTORS));
        doc.add(new TextField("details", String.join("\n", p.eligibility(), p.applyMethod(), p.documents(),
                p.selection(), p.notes()), Field.Store.NO));
        doc.add(new StringField(PolicySearcher.CATEGORY_KEY, p.category(), Field.Store.NO));
        Locality.Origin origin = Locality.origin(p, places).orElse(null);
        if (origin != null) {
            doc.add(new StringField(PolicySearcher.REGION, origin.province(), Field.Store.NO));
        } else if (p.nationwide()) {
            doc.add(new StringField(PolicySearcher.REGION, "전국", Field.Store.NO));
        }
        p.regions().forEach(r -> doc.add(new StringField(PolicySearcher.REGION, r, Field.Store.NO)));
        places.namesIn(p.title() + " " + p.institution())
                .forEach(n -> doc.add(new StringField(PolicySearcher.PLACE, n, Field.Store.NO)));
        Locality.tokens(p, places).forEach(t -> doc.add(new StringField(PolicySearcher.DISTRICT, t, Field.Store.NO)));
        if (p.minAge() != null) {
            doc.add(new IntPoint(PolicySearcher.MIN_AGE, p.minAge()));
        }
        if (p.maxAge() != null) {
            doc.add(new IntPoint(PolicySearcher.MAX_AGE, p.maxAge()));
        }
        return doc;
    }

    private static FieldType vectors() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }
}
