/** CD5220 / PD-2800 customer displays (two-line text, Chinese LED price). */
package org.tongpos.hardware.display;
