package cyborg.spark.score;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.util.Map;

/**
 * The GPU Spark's scheduler gave the running task: with {@code spark.task.resource.gpu.amount}
 * (and executors' {@code spark.executor.resource.gpu.*}), each task sees its GPUs' addresses in
 * {@link TaskContext#resources()}. cyborg uses the first as PyTorch's device index, which holds
 * when an executor sees its machine's GPUs numbered as the discovery script numbers them (not when
 * the cluster manager also sets {@code CUDA_VISIBLE_DEVICES} to a subset; see docs/spark.md).
 */
public final class TaskGpu {
    /** Spark's resource name for GPUs. */
    public static final String RESOURCE = "gpu";

    private TaskGpu() {
    }

    /** The running task's GPU as a device index; -1 outside a task or when the task was given none. */
    public static int ofRunningTask() {
        TaskContext task = TaskContext.get();
        return task == null ? -1 : of(task.resourcesJMap());
    }

    /** The first GPU address among {@code resources} as a device index; -1 when there is none. */
    static int of(Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources == null ? null : resources.get(RESOURCE);
        if (gpu == null || gpu.addresses().length == 0) {
            return -1;
        }
        String address = gpu.addresses()[0].strip();
        try {
            int index = Integer.parseInt(address);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Spark gave this task GPU '" + address + "'; cyborg reads GPU addresses as"
                + " PyTorch device numbers (0, 1, ...): make the GPU discovery script print those");
    }

    /** The task's GPU index, else 0 (a local master, or a cluster without GPU scheduling: the first GPU). */
    public static int indexOrFirst() {
        return Math.max(0, ofRunningTask());
    }
}
