package cyborg.train;

import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;

import java.util.List;

/**
 * The data of a training run.
 *
 * @param train training samples
 * @param validation validation samples
 * @param validationSplit which split the validation rows came from ({@code val}, or {@code test}
 *     under the reference's convention), reported to the user
 * @param maps where the human maps are
 * @param skips the bad-input policy, shared with the reading of the split file
 * @param cache keep decoded images in memory ({@code null}: decide from the data's size)
 */
public record TrainData(List<Sample> train, List<Sample> validation, String validationSplit, MapIndex maps,
        SkipReport skips, Boolean cache) {}
