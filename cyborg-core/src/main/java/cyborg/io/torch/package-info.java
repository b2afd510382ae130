/**
 * PyTorch checkpoints ({@code torch.save} zip files) read and written in pure Java; see
 * {@link cyborg.io.torch.TorchCheckpoint}.
 */
package cyborg.io.torch;
