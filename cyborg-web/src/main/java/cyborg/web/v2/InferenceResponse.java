package cyborg.web.v2;

import java.util.List;

/**
 * An inference response ({@code $inference_response}).
 *
 * @param modelVersion null (left out) for an unversioned model, as the protocol asks
 * @param id the request's id, or null (left out) when it gave none
 */
public record InferenceResponse(String modelName, String modelVersion, String id, List<ResponseOutput> outputs) {
}
