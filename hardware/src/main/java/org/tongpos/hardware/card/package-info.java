/** PC/SC card readers through javax.smartcardio: meal-card UID and bank card number (masked, never in full outside the driver). */
package org.tongpos.hardware.card;
