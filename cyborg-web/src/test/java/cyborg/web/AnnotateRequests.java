package cyborg.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import cyborg.web.annotate.Mask;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** Requests of the annotation API. */
final class AnnotateRequests {
    private AnnotateRequests() {
    }

    static String dataUrl(Mask mask) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(mask.png());
    }

    /** POST next {"annotator": NAME}: the annotator's task. */
    static HttpResponse<String> next(Client client, String annotator) {
        return client.send(nextRequest(client, annotator).build());
    }

    /** The request of {@link #next}, for a test to add headers to. */
    static HttpRequest.Builder nextRequest(Client client, String annotator) {
        JsonObject body = new JsonObject();
        body.addProperty("annotator", annotator);
        return client.request(AnnotateServer.NEXT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** A save body answering {@code task} (images as handed out) with {@code choice} and {@code mask}. */
    static JsonObject answer(String annotator, JsonObject task, Object choice, Mask mask) {
        JsonObject body = new JsonObject();
        body.addProperty("annotator", annotator);
        body.addProperty("task", task.get("task").getAsLong());
        JsonArray ids = new JsonArray();
        task.getAsJsonArray("images").forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsLong()));
        body.add("images", ids);
        if (choice instanceof Number n) {
            body.addProperty("choice", n);
        } else {
            body.addProperty("choice", String.valueOf(choice));
        }
        if (mask != null) {
            body.addProperty("mask", dataUrl(mask));
        }
        body.addProperty("ms_decide", 900);
        body.addProperty("ms_paint", 2100);
        return body;
    }

    static HttpResponse<String> save(Client client, JsonObject body) {
        return client.send(client.request(AnnotateServer.ANNOTATIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** The id of the {@code i}-th image of a task answer. */
    static long imageId(JsonObject task, int i) {
        return task.getAsJsonArray("images").get(i).getAsJsonObject().get("id").getAsLong();
    }
}
