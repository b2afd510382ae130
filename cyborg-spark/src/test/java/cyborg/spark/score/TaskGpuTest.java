package cyborg.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.model.ComputeDevice;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

import java.util.Map;

class TaskGpuTest {
    private static ResourceInformation gpus(String... addresses) {
        return new ResourceInformation(TaskGpu.RESOURCE, addresses);
    }

    @Test
    void theTasksFirstGpuAddressIsItsDeviceIndex() {
        assertEquals(1, TaskGpu.of(Map.of("gpu", gpus("1", "3"))));
        assertEquals(0, TaskGpu.of(Map.of("gpu", gpus(" 0 "))));
    }

    @Test
    void noGpuResourceIsMinusOneSoTheFirstGpuIsUsed() {
        assertEquals(-1, TaskGpu.of(Map.of()));
        assertEquals(-1, TaskGpu.of(Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"}))));
        assertEquals(-1, TaskGpu.of(Map.of("gpu", gpus())));
        assertEquals(-1, TaskGpu.ofRunningTask(), "outside a task");
        assertEquals(0, TaskGpu.indexOrFirst());
    }

    @Test
    void anAddressThatIsNotADeviceNumberIsRefusedSayingWhatToDo() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> TaskGpu.of(Map.of("gpu", gpus("GPU-5f1c")))).getMessage();
        assertTrue(message.contains("'GPU-5f1c'") && message.contains("discovery script"), message);
    }

    @Test
    void theDeviceGoesWithTheModelWhenItsFilesAreShipped() {
        ModelSpec gpu = ModelSpec.folder("/runs/m").onDevice(ComputeDevice.GPU);
        assertEquals(ComputeDevice.GPU, gpu.shipped().device());
        assertEquals(ComputeDevice.CPU, ModelSpec.folder("/runs/m").device(), "the CPU unless asked");
    }
}
