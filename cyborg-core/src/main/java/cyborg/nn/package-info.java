/**
 * A small PyTorch-style module system on DJL's functional operators: modules own named
 * parameters and buffers under torchvision's dotted names, so weights map one to one to
 * torchvision state dicts and training can be driven without DJL's block machinery.
 */
package cyborg.nn;
