package cyborg.eval;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.loss.SpatialEntropy;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.score.Scorer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The open-set measurement of one trained model, shared by the demo and the sweep: each image's
 * {@link cyborg.model.Prediction} with its CAM, the score file written as {@code cyborg score}
 * writes it, its evaluation, and the mean spatial entropy of the CAMs.
 *
 * @param cams each scored image with its prediction and CAM, in order
 * @param metrics the evaluation of the score file
 * @param camEntropy mean spatial entropy of the CAMs (natural log; at most ln(h*w)); NaN without images
 */
public record OpenSet(List<Scorer.ScoredCam> cams, RunMetrics metrics, double camEntropy) {
    /**
     * Scores {@code samples} (bad images stop the run or are skipped and counted, as {@code skips}
     * says), writes {@code scoreFile} and evaluates it against the labels of the images scored.
     */
    public static OpenSet score(Scorer scorer, List<Sample> samples, int batchSize, SkipReport skips, Path scoreFile,
            PrintStream console) throws IOException {
        List<Scorer.ScoredCam> cams = scorer.cams(samples, batchSize, skips, console);
        return of(cams, scoreFile, LabelIndex.fromSamples(cams.stream().map(Scorer.ScoredCam::sample).toList()));
    }

    /** Writes the scores of {@code cams} to {@code scoreFile} and evaluates them against {@code labels}. */
    public static OpenSet of(List<Scorer.ScoredCam> cams, Path scoreFile, LabelIndex labels) throws IOException {
        List<Score> scores = cams.stream().map(c -> new Score(c.sample().key(), c.score())).toList();
        ScoreFile.write(scoreFile, scores);
        RunMetrics metrics = Evaluation.evaluate(scoreFile, scores, labels);
        double entropy = cams.stream().mapToDouble(c -> SpatialEntropy.of(c.cam())).average().orElse(Double.NaN);
        return new OpenSet(cams, metrics, entropy);
    }

    /** The images scored, in order. */
    public List<Sample> samples() {
        return cams.stream().map(Scorer.ScoredCam::sample).toList();
    }
}
