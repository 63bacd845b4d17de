import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.Word;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Line protocol between skg (Python) and a Stanford CoreNLP CRF named-entity tagger.
 *
 * <p>Why a class of our own instead of CRFClassifier's command line: the tokens come from skg's
 * tokeniser, so the character offsets stay skg's, and no second tokeniser can split a token
 * differently. Arguments: the classifier's resource path. After loading it prints {@code READY}.
 * Then every input line holds one sentence's tokens separated by tabs; the answer is one line
 * with one label per token, tab-separated (an empty line answers an empty line). Output is
 * flushed whenever no further input is waiting, so a document's sentences travel in one batch.
 */
public final class SkgTagger {
    private SkgTagger() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 1) {
            System.err.println("usage: SkgTagger <classifier resource>");
            System.exit(2);
        }
        CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        out.write("READY\n");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.write(tag(crf, line));
            out.write('\n');
            if (!in.ready()) {
                out.flush();
            }
        }
        out.flush();
    }

    private static String tag(CRFClassifier<CoreLabel> crf, String line) {
        if (line.isEmpty()) {
            return "";
        }
        String[] words = line.split("\t", -1);
        List<Word> tokens = new ArrayList<>(words.length);
        for (String word : words) {
            tokens.add(new Word(word));
        }
        StringBuilder labels = new StringBuilder(words.length * 8);
        for (CoreLabel token : crf.classifySentence(tokens)) {
            if (labels.length() > 0) {
                labels.append('\t');
            }
            labels.append(token.get(CoreAnnotations.AnswerAnnotation.class));
        }
        return labels.toString();
    }
}
