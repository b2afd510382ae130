package cyborg.acceptance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's model with its head rewritten so that the two label rules disagree on every image: bias
 * (3, 1) and rows {@code W[Real] = d, W[Synthetic] = -d} with a tiny {@code d}, so the logits are about
 * (3, 1). {@code score = sigmoid(logit[Synthetic])} is about 0.73 (a {@code score >= 0.5} rule says
 * Synthetic) while the argmax is Real, and the two classes' CAMs ({@code d.F} and {@code -d.F}) differ.
 * Written by editing model.safetensors' {@code fc} tensors in place (F32, little-endian).
 */
final class DisagreeingModel {
    private DisagreeingModel() {
    }

    static synchronized Path folder() throws IOException {
        Path out = Product.WORK.resolve("disagreeing-model");
        if (Files.isRegularFile(out.resolve("model.safetensors"))) {
            return out;
        }
        Path model = Fixture.model();
        Files.createDirectories(out);
        Files.copy(model.resolve("model.json"), out.resolve("model.json"));
        byte[] bytes = Files.readAllBytes(model.resolve("model.safetensors"));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
                .getAsJsonObject();
        int data = 8 + headerLength;
        int weight = data + header.getAsJsonObject("fc.weight").getAsJsonArray("data_offsets").get(0).getAsInt();
        int channels = header.getAsJsonObject("fc.weight").getAsJsonArray("shape").get(1).getAsInt();
        for (int c = 0; c < channels; c++) {
            float d = 1e-3f * buffer.getFloat(weight + 4 * c); // a direction taken from the trained Real row
            buffer.putFloat(weight + 4 * c, d);
            buffer.putFloat(weight + 4 * (channels + c), -d);
        }
        int bias = data + header.getAsJsonObject("fc.bias").getAsJsonArray("data_offsets").get(0).getAsInt();
        buffer.putFloat(bias, 3f);
        buffer.putFloat(bias + 4, 1f);
        Files.write(out.resolve("model.safetensors"), bytes);
        return out;
    }
}
