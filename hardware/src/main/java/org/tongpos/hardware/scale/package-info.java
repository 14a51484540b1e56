/** Weighing scales: the continuous ST,GS frame protocol over serial; stable weights in grams or a refusal with its reason. */
package org.tongpos.hardware.scale;
