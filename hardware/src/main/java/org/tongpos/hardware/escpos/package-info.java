/** Our own ESC/POS encoder, the decoder of the same subset, and the renderer that draws it as the paper would look (decision 0004). */
package org.tongpos.hardware.escpos;
