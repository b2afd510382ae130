package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class ComputeDeviceTest {
    @Test
    void cpuManagersPutArraysOnTheCpuEvenWhereAGpuIsVisible() {
        try (NDManager m = ComputeDevice.CPU.newManager()) {
            assertEquals(Device.cpu(), m.create(new float[] {1, 2}).getDevice());
        }
    }

    @Test
    void askingForAGpuWhereNoneIsVisibleSaysHowToGetOne() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is visible: nothing to refuse");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ComputeDevice.GPU::device);
        assertTrue(e.getMessage().contains("mvn -Pcuda"), e.getMessage());
    }
}
