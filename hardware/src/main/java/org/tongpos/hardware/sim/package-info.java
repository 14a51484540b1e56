/** Simulators of every device (addresses {@code sim:}) for demos and training; same interfaces as the drivers. */
package org.tongpos.hardware.sim;
