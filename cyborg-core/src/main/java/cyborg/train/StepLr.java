package cyborg.train;

/** {@code torch.optim.lr_scheduler.StepLR} stepped once per epoch: lr * gamma^floor(epoch/step). */
public record StepLr(double baseLr, int stepSize, double gamma) {
    public StepLr {
        if (stepSize <= 0) {
            throw new IllegalArgumentException("--lr-step must be > 0, got " + stepSize);
        }
    }

    /** The learning rate of 0-based {@code epoch}. */
    public double lr(int epoch) {
        return baseLr * Math.pow(gamma, epoch / stepSize);
    }
}
