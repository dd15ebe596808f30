package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.control.AskerStatus;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The one home of follow-ups. A question that points back ("그럼 신청은 어떻게 해요?") or names no topic of
 * its own is searched by the conversation's topic alone, so it finds the programmes the topic found; its
 * own words only shape the answer (what it asks about, in which language). One that asks for programmes
 * with words of its own ("그럼 전세는요?") searches them together with the topic. Every question is matched with the region, age
 * and status the conversation stated, then the profile's, unless it states its own. The topic and
 * facts come from the conversation's {@link ConversationTopic}, kept beside the memory's summary, so
 * they survive whatever the buffer holds. With a model configured, a follow-up is rewritten by the
 * model (streamed, cancellable), and an English question is translated by it into Korean search words;
 * if that fails, the topic is carried and the glossary translates, as offline.
 */
public final class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class.getName());

    static final String REWRITE = """
            Rewrite the user's latest message as one standalone search query for a database of Korean youth \
            policies. Keep the user's language. Carry over from the conversation the policy names, region, age \
            and need it refers to. Reply with the query only, no quotes, no explanation.""";
    /** English questions: the records are Korean, so the model turns the question into Korean search words. */
    static final String TRANSLATE = """
            Rewrite the user's latest message as one standalone search query in Korean for a database of Korean \
            youth policies: translate it, use the words Korean policy records use, and carry over from the \
            conversation the policy names, region, age and need it refers to. Reply with the Korean query only.""";
    static final int REWRITE_MESSAGES = 6;
    static final int REWRITE_MAX_TOKENS = 100;
    private static final int TOPIC_TERMS = 12;
    private static final int SHORT_TERMS = 2;
    private static final int SHORT_QUESTION = 30;

    private static final Pattern REFERS_BACK = Pattern.compile(
            "^(그럼|그러면|그럼요|그거|그건|그게|그 |거기|이거|이건|저거|해당|그리고|또|아까|"
                    + "then|and |so |what about|how about|it |that |this |those |for it)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_BACK = Pattern.compile(
            "(그거|그건|거기|이거|위에|방금|해당 정책|그 정책|첫 ?번째|두 ?번째|세 ?번째|더 자세히|\\bit\\b|\\bthat one\\b|\\bthis one\\b"
                    + "|\\bthem\\b|\\bthose\\b|\\bthe (?:first|second|third|last|other) one\\b|\\btell me more\\b"
                    + "|\\bmore (?:details|detail|info|information)\\b"
                    + "|\\b(?:get|apply for|receive|use|join|sign up for)\\s+(?:this|that)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** An English word no glossary row translates: no record's word, so it names nothing to search for. */
    private static final Pattern LATIN_ONLY = Pattern.compile("[a-z0-9]+");

    /**
     * "면접 정장 빌려주는 거 있어요?" and "청년 주거 지원 정책을 알려줘" ask for programmes of their own,
     * however short.
     */
    private static final Pattern ASKS_FOR_PROGRAMMES = Pattern.compile(
            "(거|것|게|곳|데|프로그램|지원|정책|사업)\\s*(있|없)|알려\\s*(줘|주세요|주실)|추천|\\b(is there|are there|any|tell me)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "그럼 전세는요?", "what about deposits?": the same question, asked of another subject. */
    private static final Pattern ASKS_OF_ANOTHER = Pattern.compile("(은|는)요\\s*[?？]?\\s*$|\\b(what|how) about\\b",
            Pattern.CASE_INSENSITIVE);

    /** The question made ready for retrieval: what to search, for whom, and what the conversation is now about. */
    public record Resolved(String query, QuestionFacts facts, ConversationTopic next, boolean followUp) {
    }

    private final PolicyIndex index;

    public FollowUps(PolicyIndex index) {
        this.index = index;
    }

    /** Whether the question leans on the conversation: it points back, or names no topic of its own. */
    public boolean isFollowUp(String question) {
        String text = question.strip();
        return REFERS_BACK.matcher(text.toLowerCase(Locale.ROOT)).find() || POINTS_BACK.matcher(text).find()
                || index.topicTerms(text).isEmpty();
    }

    /**
     * Offline: a follow-up is searched together with the conversation's topic; the asker's facts come
     * from the question, else the conversation, else the profile.
     */
    public Resolved resolve(String question, ConversationTopic carried, MemorySnapshot memory, QuestionFacts profile) {
        ConversationTopic topic = carried == null || carried.none() ? fromBuffer(memory) : carried;
        QuestionFacts own = index.read(question);
        QuestionFacts facts = own.orElse(facts(topic)).orElse(profile);
        List<String> terms = index.topicTerms(question);
        boolean followUp = (topic.topic() != null || !memory.messages().isEmpty())
                && (isFollowUp(question) || asksMoreAbout(question, own, terms) || asksPartInEnglish(question, own, terms));
        boolean keeps = followUp && topic.topic() != null && !topic.topic().isBlank();
        // One that asks for programmes with words of its own ("그럼 전세는요?", "장학금도 있어요?") searches
        // them with the topic, and what it searched becomes the topic.
        // English words the glossary does not translate ("is there a limit on how many times?") ask nothing
        // of the records: it asks about the programmes found.
        boolean namesTopic = terms.stream().anyMatch(t -> !LATIN_ONLY.matcher(t).matches());
        boolean narrows = keeps && namesTopic
                && (ASKS_FOR_PROGRAMMES.matcher(question).find() || ASKS_OF_ANOTHER.matcher(question.strip()).find());
        String query;
        String nextTopic;
        if (keeps && !narrows) {
            // It asks about the programmes already found: its own words ("서류", "임기", "남편… 다른 지역")
            // say what to tell about them, and searched for they would pull other records instead.
            query = topic.topic();
            nextTopic = topic.topic();
        } else if (narrows) {
            query = question.strip() + " " + topic.topic();
            nextTopic = topicOf(concat(terms, List.of(topic.topic().split(" "))));
        } else {
            String about = terms.isEmpty() && profile != null ? profileTopic(profile) : null;
            query = about == null || about.isBlank() ? question : question.strip() + " " + about;
            // A first question that names only the asker ("취준생인데 받을 수 있는 거 있어요?", "Any support for job
            // seekers?") was searched by those words: they are its topic, or its follow-ups would have none.
            nextTopic = !terms.isEmpty() ? topicOf(terms)
                    : !followUp && own.status() != null ? String.join(" ", AskerStatus.words(question)) : topic.topic();
        }
        QuestionFacts stated = own.orElse(facts(topic));
        return new Resolved(query, facts, new ConversationTopic(nextTopic, stated.province(), stated.place(), stated.age(),
                stated.status() == null ? null : stated.status().name()), followUp);
    }

    /**
     * As {@link #resolve}, but a follow-up is rewritten by the model when one streams ({@code models}
     * null: never); only follow-ups pay
     * for that call, and {@code attach} receives it so stopping the answer cancels it too.
     */
    CompletionStage<Resolved> resolve(String question, ConversationTopic carried, MemorySnapshot memory,
                                      QuestionFacts profile, ChatModels models, Consumer<AnswerHandle> attach) {
        Resolved offline = resolve(question, carried, memory, profile);
        boolean english = offline.facts().english();
        if (!(offline.followUp() || english) || models == null || models.streaming().isEmpty()) {
            return CompletableFuture.completedFuture(offline);
        }
        Rewrite rewrite = new Rewrite();
        attach.accept(models.stream(List.of(SystemMessage.from(english ? TRANSLATE : REWRITE),
                UserMessage.from(conversation(memory, offline.next(), question))), REWRITE_MAX_TOKENS, rewrite));
        return rewrite.query.handle((rewritten, failure) -> {
            if (failure == null && !rewritten.isBlank() && rewritten.length() < 500) {
                return new Resolved(rewritten.strip(), offline.facts(), offline.next(), offline.followUp());
            }
            LOG.log(Level.WARNING, "query rewrite by the model failed; carrying the topic forward: {0}",
                    failure == null ? "unusable reply" : failure.toString());
            return offline;
        });
    }

    /**
     * A short question that says nothing new about the asker and names at most a detail or two
     * ("한 달에 얼마씩 나와요?", "가입은 어디서 해요?") asks more about what the conversation is on.
     */
    static boolean asksMoreAbout(String question, QuestionFacts own, List<String> terms) {
        return own.province() == null && own.place() == null && own.age() == null
                && terms.size() <= SHORT_TERMS && question.strip().length() <= SHORT_QUESTION
                && !ASKS_FOR_PROGRAMMES.matcher(question).find();
    }

    /**
     * An English question that asks about a part of a programme ("How long does the support last?", "Who
     * do I contact?") and no word of which a glossary row translates names no programme of its own: it
     * asks about the programmes found, however long it is. Without an aspect asked ("What's the weather
     * like?") it is no follow-up.
     */
    static boolean asksPartInEnglish(String question, QuestionFacts own, List<String> terms) {
        return own.english() && !own.aspects().isEmpty() && own.province() == null && own.place() == null
                && own.age() == null && terms.stream().allMatch(t -> LATIN_ONLY.matcher(t).matches())
                && !ASKS_FOR_PROGRAMMES.matcher(question).find();
    }

    private static String topicOf(List<String> terms) {
        return String.join(" ", terms.stream().distinct().limit(TOPIC_TERMS).toList());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static QuestionFacts facts(ConversationTopic t) {
        QuestionFacts.Status status = null;
        if (t.status() != null) {
            try {
                status = QuestionFacts.Status.valueOf(t.status());
            } catch (IllegalArgumentException unknown) {
                status = null;
            }
        }
        return new QuestionFacts(t.province(), t.place(), t.age(), null, null, false, false, status);
    }

    /** A hash from before topics were kept, or Redis lost: the buffer's last question that named a topic. */
    private ConversationTopic fromBuffer(MemorySnapshot memory) {
        List<MemoryMessage> messages = memory.messages();
        String region = null;
        String place = null;
        Integer age = null;
        String topic = null;
        for (MemoryMessage m : messages) {
            if (!"user".equals(m.role())) {
                continue;
            }
            QuestionFacts f = index.read(m.message());
            if (f.province() != null) {
                region = f.province();
                place = f.place();
            }
            age = f.age() != null ? f.age() : age;
            List<String> terms = index.topicTerms(m.message());
            topic = terms.isEmpty() ? topic : String.join(" ", terms);
        }
        return new ConversationTopic(topic, region, place, age, null);
    }

    private static String profileTopic(QuestionFacts profile) {
        return profile.category();
    }

    static String conversation(MemorySnapshot memory, ConversationTopic topic, String question) {
        StringBuilder text = new StringBuilder();
        if (!memory.summary().isBlank()) {
            text.append("Summary so far: ").append(memory.summary()).append("\n\n");
        }
        if (topic.topic() != null) {
            text.append("Topic so far: ").append(topic.topic()).append("\n\n");
        }
        List<MemoryMessage> recent = memory.messages();
        for (MemoryMessage m : recent.subList(Math.max(0, recent.size() - REWRITE_MESSAGES), recent.size())) {
            String line = m.message().length() > 400 ? m.message().substring(0, 400) + "…" : m.message();
            text.append("bot".equals(m.role()) ? "Assistant: " : "User: ").append(line).append('\n');
        }
        return text.append("\nLatest user message: ").append(question).toString();
    }

    /** Collects the model's streamed rewrite into one query. */
    private static final class Rewrite implements AnswerListener {

        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<String> query = new CompletableFuture<>();

        @Override
        public synchronized void onDelta(String delta) {
            text.append(delta);
        }

        @Override
        public void onComplete() {
            String done;
            synchronized (this) {
                done = text.toString();
            }
            query.complete(done);
        }

        @Override
        public void onError(Throwable error) {
            query.completeExceptionally(error);
        }
    }
}
